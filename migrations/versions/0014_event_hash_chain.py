"""The event log becomes a hash chain: every event carries `prev_hash` and `hash`, the head is one row.

Events recorded before this revision are chained here, in id order, with the same function the
application uses for new events (mes_terminal/domain/audit_chain.py, versioned by its prefix), so
`mes-terminal audit verify` passes on an upgraded database. Signatures gain the hash of the record they
sign (`content_hash`), computed here for the signatures already given.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 06:30:00.000000
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from mes_terminal.domain.audit_chain import CONTENT_FIELDS, GENESIS, chain_rows, signed_content_hash

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PAYLOAD = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
_events = sa.table(
    'events',
    sa.column('id', sa.BigInteger()),
    sa.column('occurred_at', sa.DateTime(timezone=True)),
    sa.column('recorded_at', sa.DateTime(timezone=True)),
    sa.column('actor', sa.String()),
    sa.column('station', sa.String()),
    sa.column('type', sa.String()),
    sa.column('entity', sa.String()),
    sa.column('entity_id', sa.String()),
    sa.column('payload', _PAYLOAD),
    sa.column('command_id', sa.Uuid()),
    sa.column('prev_hash', sa.String()),
    sa.column('hash', sa.String()),
)
_BATCH = 1000


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _chain_existing_events(connection: sa.Connection) -> str:
    head, after = GENESIS, 0
    columns = [_events.c.id, *(_events.c[name] for name in CONTENT_FIELDS)]
    update = (
        _events.update()
        .where(_events.c.id == sa.bindparam('event_id'))
        .values(prev_hash=sa.bindparam('new_prev'), hash=sa.bindparam('new_hash'))
    )
    while True:
        rows = [
            dict(row)
            for row in connection.execute(
                sa.select(*columns).where(_events.c.id > after).order_by(_events.c.id).limit(_BATCH)
            ).mappings()
        ]
        if not rows:
            return head
        for row in rows:
            row['occurred_at'], row['recorded_at'] = _utc(row['occurred_at']), _utc(row['recorded_at'])
        linked, head = chain_rows(head, rows)
        connection.execute(
            update, [{'event_id': r['id'], 'new_prev': r['prev_hash'], 'new_hash': r['hash']} for r in linked]
        )
        after = rows[-1]['id']


def _bind_existing_signatures(connection: sa.Connection) -> None:
    signatures = sa.table(
        'signatures',
        sa.column('id', sa.Integer()),
        sa.column('entity', sa.String()),
        sa.column('entity_id', sa.String()),
        sa.column('signer_name', sa.String()),
        sa.column('meaning', sa.String()),
        sa.column('comment', sa.Text()),
        sa.column('signed_at', sa.DateTime(timezone=True)),
        sa.column('content_hash', sa.String()),
    )
    rows = connection.execute(sa.select(signatures)).mappings().all()
    # Signed before binding existed: bound to who, what, meaning and when; with the signed record's fields
    # where its RecordSigned event carries them (a database taken down to 0012 and up again).
    records = {}
    for entity, entity_id, payload in connection.execute(
        sa.select(_events.c.entity, _events.c.entity_id, _events.c.payload).where(_events.c.type == 'RecordSigned')
    ):
        said = (str(payload.get(name)) for name in ('signer', 'meaning', 'signed_at'))
        records[(entity, entity_id, *said)] = payload.get('record')
    if rows:
        bound = [
            {
                'signature_id': r['id'],
                'bound': signed_content_hash(
                    entity=r['entity'],
                    entity_id=r['entity_id'],
                    signer_name=r['signer_name'],
                    meaning=r['meaning'],
                    comment=r['comment'],
                    signed_at=_utc(r['signed_at']),
                    record=records.get(
                        (
                            r['entity'],
                            r['entity_id'],
                            r['signer_name'],
                            r['meaning'],
                            _utc(r['signed_at']).isoformat().replace('+00:00', 'Z'),
                        )
                    ),
                ),
            }
            for r in rows
        ]
        connection.execute(
            signatures.update()
            .where(signatures.c.id == sa.bindparam('signature_id'))
            .values(content_hash=sa.bindparam('bound')),
            bound,
        )


def upgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=True))
    op.create_table(
        'event_chain',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.CheckConstraint('id = 1', name=op.f('ck_event_chain_single_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_event_chain')),
    )
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=True))
    connection = op.get_bind()
    head = _chain_existing_events(connection)
    connection.execute(sa.text('INSERT INTO event_chain (id, last_hash) VALUES (1, :hash)'), {'hash': head})
    _bind_existing_signatures(connection)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ux_events_prev_hash', ['prev_hash'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.drop_column('content_hash')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ux_events_prev_hash')
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
    op.drop_table('event_chain')
