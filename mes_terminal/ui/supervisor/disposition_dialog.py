"""Disposing of a nonconformance, signed: `DispositionDialog.ask(parent, nc, two_person)` -> DispositionInput | None.

The signature is given here: the decision, a comment where the decision needs one, the meaning of the
signature (approval), and the signer's badge and PIN typed again — or the PIN alone when the console's
user is within a continuous signing session (`session_badge`, 21 CFR 11.200). `read_disposition_form`
checks what was typed; the handler decides whether the signer may dispose (quality only), whether the
PIN is right, and the two-person rule — those refusals come back as the banner's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mes_terminal.domain.errors import InvalidInput
from mes_terminal.domain.signatures import COMMENT_NEEDED, MAX_COMMENT, Decision
from mes_terminal.domain.values import parse_code, parse_quantity
from mes_terminal.services.queries.supervisor_quality import NonconformanceView
from mes_terminal.ui.supervisor.formatting import local_time, quantity

TAKES_QUANTITY = frozenset({Decision.SCRAP, Decision.RETURN_TO_SUPPLIER})


@dataclass(frozen=True)
class DispositionInput:
    decision: str
    quantity: Decimal | None
    comment: str | None
    badge: str
    pin: str
    pin_only: bool = False  # the badge came from the signing session, not typed


def read_disposition_form(
    decision: str, quantity_text: str, comment: str, badge: str, pin: str, pin_only: bool = False
) -> DispositionInput:
    """What was typed, checked; `InvalidInput` with one sentence naming what is missing otherwise."""
    try:
        chosen = Decision(decision)
    except ValueError:
        raise InvalidInput("Choose the decision: use as is, rework, scrap or return to supplier.") from None
    amount = None
    text = quantity_text.strip()
    if text and chosen in TAKES_QUANTITY:
        amount = parse_quantity(text.replace(",", ".") if text.count(",") == 1 else text, "The quantity")
        if amount <= 0:
            raise InvalidInput("The quantity must be more than 0 (leave it empty for the whole quantity).")
    note = comment.strip()
    if chosen in COMMENT_NEEDED and not note:
        raise InvalidInput(f"To decide {chosen.value.replace('_', ' ')} write a comment that says why.")
    if len(note) > MAX_COMMENT:
        raise InvalidInput(f"The comment is longer than {MAX_COMMENT} characters.")
    if not badge.strip():
        raise InvalidInput("Scan or type your badge: a signature needs your badge and your PIN.")
    signer = parse_code(badge, "The badge")
    if not pin:
        raise InvalidInput("Type your PIN: a signature needs your badge and your PIN.")
    return DispositionInput(chosen.value, amount, note or None, signer, pin, pin_only)


class DispositionDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        nc: NonconformanceView,
        two_person: bool,
        zone: str = "UTC",
        session_badge: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session_badge = session_badge
        self.setObjectName("dispositionDialog")
        self.setWindowTitle(self.tr("Dispose of {number}").format(number=nc.number))
        self.value: DispositionInput | None = None
        self.zone = zone  # the site's: when the nonconformance was raised is written in it
        layout = QVBoxLayout(self)
        what = QLabel(self._summary(nc), self)
        what.setWordWrap(True)
        layout.addWidget(what)

        decision_box = QGroupBox(self.tr("Decision"), self)
        row = QHBoxLayout(decision_box)
        self.decisions = QButtonGroup(self)
        names = {
            Decision.USE_AS_IS: self.tr("Use as is"),
            Decision.REWORK: self.tr("Rework"),
            Decision.SCRAP: self.tr("Scrap"),
            Decision.RETURN_TO_SUPPLIER: self.tr("Return to supplier"),
        }
        self.decision_buttons: dict[str, QRadioButton] = {}
        for decision, name in names.items():
            button = QRadioButton(name, decision_box)
            button.setObjectName(f"{decision.value}Radio")
            self.decisions.addButton(button)
            self.decision_buttons[decision.value] = button
            row.addWidget(button)
        self.decisions.buttonToggled.connect(self.on_decision_toggled)
        layout.addWidget(decision_box)

        form = QFormLayout()
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setMaxLength(24)
        whole = quantity(nc.quantity) if nc.quantity is not None else self.tr("the whole lot")
        self.quantity_edit.setPlaceholderText(self.tr("empty: {whole}").format(whole=whole))
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setFixedHeight(80)
        self.comment_label = QLabel(self.tr("Comment"), self)
        form.addRow(self.tr("Quantity"), self.quantity_edit)
        form.addRow(self.comment_label, self.comment_edit)
        layout.addLayout(form)

        signature = QGroupBox(self.tr("Electronic signature"), self)
        sign_form = QFormLayout(signature)
        meaning = QLabel(
            self.tr("Meaning: approved. By signing you approve this disposition of {number}.").format(number=nc.number),
            signature,
        )
        meaning.setWordWrap(True)
        sign_form.addRow(meaning)
        if two_person:
            rule = QLabel(
                self.tr("Two-person rule: {name}, who raised it, may not sign it.").format(name=nc.raised_by),
                signature,
            )
            rule.setWordWrap(True)
            rule.setProperty("role", "hint")
            sign_form.addRow(rule)
        self.badge_edit = QLineEdit(signature)
        self.badge_edit.setObjectName("badgeEdit")
        self.badge_edit.setMaxLength(64)
        self.badge_edit.setPlaceholderText(self.tr("Scan or type your badge"))
        self.pin_edit = QLineEdit(signature)
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(32)
        sign_form.addRow(self.tr("Badge"), self.badge_edit)
        sign_form.addRow(self.tr("PIN"), self.pin_edit)
        if session_badge is not None:
            self.badge_edit.setText(session_badge)
            self.badge_edit.setReadOnly(True)
            within = QLabel(self.tr("You signed a moment ago: your PIN alone signs this."), signature)
            within.setObjectName("sessionHint")
            within.setProperty("role", "hint")
            sign_form.addRow(within)
        layout.addWidget(signature)

        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = buttons.addButton(self.tr("Sign and dispose"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setProperty("role", "go")
        buttons.accepted.connect(self.on_sign_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.on_decision_toggled()
        self.resize(640, 520)

    def _summary(self, nc: NonconformanceView) -> str:
        parts = [f"<b>{nc.number}</b> · {nc.defect_code or ''}", nc.description]
        if nc.lot:
            amount = f" ({quantity(nc.quantity)})" if nc.quantity is not None else ""
            parts.append(self.tr("Lot {lot}{amount}").format(lot=nc.lot, amount=amount))
        if nc.job:
            parts.append(self.tr("Job {job}").format(job=nc.job))
        parts.append(
            self.tr("Raised by {name} at {time}").format(
                name=nc.raised_by, time=local_time(nc.raised_at, self.zone, True)
            )
        )
        return "<br>".join(_escape(p) if i else p for i, p in enumerate(parts))

    def chosen(self) -> str:
        return next((d for d, b in self.decision_buttons.items() if b.isChecked()), "")

    def on_decision_toggled(self, *args: object) -> None:
        decision = self.chosen()
        self.quantity_edit.setEnabled(decision in TAKES_QUANTITY)
        needed = decision in COMMENT_NEEDED
        self.comment_label.setText(self.tr("Comment (required)") if needed else self.tr("Comment"))

    def on_sign_clicked(self) -> None:
        try:
            self.value = read_disposition_form(
                self.chosen(),
                self.quantity_edit.text(),
                self.comment_edit.toPlainText(),
                self.badge_edit.text(),
                self.pin_edit.text(),
                self.session_badge is not None,
            )
        except InvalidInput as error:
            self.error_label.setText(error.message)
            return
        self.pin_edit.clear()  # the PIN leaves with the command and is forgotten here
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        nc: NonconformanceView,
        two_person: bool,
        zone: str = "UTC",
        session_badge: str | None = None,
    ) -> DispositionInput | None:
        """Show the form and wait; what was signed when confirmed, None when cancelled. Tests replace this."""
        dialog = cls(parent, nc, two_person, zone, session_badge)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
