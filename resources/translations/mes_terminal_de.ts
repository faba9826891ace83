<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Welcome, {name}. You are signed in.</source>
        <translation>Willkommen, {name}. Sie sind angemeldet.</translation>
    </message>
    <message>
        <source>{name} is signed out.</source>
        <translation>{name} ist abgemeldet.</translation>
    </message>
    <message>
        <source>Started {work_order} operation {operation}.</source>
        <translation>{work_order} Arbeitsgang {operation} gestartet.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} stopped: downtime {reason}.</source>
        <translation>{work_order} Arbeitsgang {operation} angehalten: Stillstand {reason}.</translation>
    </message>
    <message>
        <source>Paused {work_order} operation {operation}.</source>
        <translation>{work_order} Arbeitsgang {operation} unterbrochen.</translation>
    </message>
    <message>
        <source>The station is down: {reason}. Tap End downtime when it runs again.</source>
        <translation>Der Arbeitsplatz steht: {reason}. Tippen Sie auf „Stillstand beenden“, wenn er wieder läuft.</translation>
    </message>
    <message>
        <source>The station is down; the reason is still needed.</source>
        <translation>Der Arbeitsplatz steht; der Grund fehlt noch.</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>Stk</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Your new PIN is set.</source>
        <translation>Ihre neue PIN ist gesetzt.</translation>
    </message>
    <message>
        <source>Downtime ended after {duration}.</source>
        <translation>Stillstand nach {duration} beendet.</translation>
    </message>
    <message>
        <source>The stop now has its reason: {reason}.</source>
        <translation>Der Stillstand hat jetzt seinen Grund: {reason}.</translation>
    </message>
    <message>
        <source>Resumed {work_order} operation {operation}.</source>
        <translation>{work_order} Arbeitsgang {operation} fortgesetzt.</translation>
    </message>
    <message>
        <source>Reported {good} good and {scrap} scrap. Now {total_good} good, {total_scrap} scrap.</source>
        <translation>{good} Gutteile und {scrap} Ausschuss gemeldet. Jetzt {total_good} gut, {total_scrap} Ausschuss.</translation>
    </message>
    <message>
        <source>Completed {work_order} operation {operation} with a short close.</source>
        <translation>{work_order} Arbeitsgang {operation} mit Mindermenge abgeschlossen.</translation>
    </message>
    <message>
        <source>Completed {work_order} operation {operation}.</source>
        <translation>{work_order} Arbeitsgang {operation} abgeschlossen.</translation>
    </message>
    <message>
        <source>A supervisor has been called to this station.</source>
        <translation>Ein Meister wurde an diese Station gerufen.</translation>
    </message>
    <message>
        <source>Thank you: you have read instructions revision {revision} of {work_order} operation {operation}.</source>
        <translation>Danke: Sie haben die Arbeitsanweisung Revision {revision} von {work_order} Arbeitsgang {operation} gelesen.</translation>
    </message>
    <message>
        <source>Lot {lot}: {quantity} {unit} of {material} taken into {work_order} operation {operation}.</source>
        <translation>Charge {lot}: {quantity} {unit} {material} auf {work_order} Arbeitsgang {operation} gebucht.</translation>
    </message>
    <message>
        <source>{item}: {value} recorded.</source>
        <translation>{item}: {value} erfasst.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>Sign out {badge}</source>
        <translation>{badge} abmelden</translation>
    </message>
    <message>
        <source>Start {work_order} operation {operation}</source>
        <translation>{work_order} Arbeitsgang {operation} starten</translation>
    </message>
    <message>
        <source>Pause {work_order} operation {operation}</source>
        <translation>{work_order} Arbeitsgang {operation} unterbrechen</translation>
    </message>
    <message>
        <source>Stop the station ({reason})</source>
        <translation>Arbeitsplatz anhalten ({reason})</translation>
    </message>
    <message>
        <source>reason needed</source>
        <translation>Grund fehlt</translation>
    </message>
    <message>
        <source>End the downtime</source>
        <translation>Stillstand beenden</translation>
    </message>
    <message>
        <source>Give the stop the reason {reason}</source>
        <translation>Dem Stillstand den Grund {reason} geben</translation>
    </message>
    <message>
        <source>Resume {work_order} operation {operation}</source>
        <translation>{work_order} Arbeitsgang {operation} fortsetzen</translation>
    </message>
    <message>
        <source>Report {good} good and {scrap} scrap for {work_order} operation {operation}</source>
        <translation>{good} gut und {scrap} Ausschuss für {work_order} Arbeitsgang {operation} melden</translation>
    </message>
    <message>
        <source>Complete {work_order} operation {operation}</source>
        <translation>{work_order} Arbeitsgang {operation} abschließen</translation>
    </message>
    <message>
        <source>Call a supervisor</source>
        <translation>Meister rufen</translation>
    </message>
    <message>
        <source>Take lot {lot} into {work_order} operation {operation}</source>
        <translation>Charge {lot} auf {work_order} Arbeitsgang {operation} buchen</translation>
    </message>
    <message>
        <source>Record {item} = {value} for {work_order} operation {operation}</source>
        <translation>{item} = {value} für {work_order} Arbeitsgang {operation} erfassen</translation>
    </message>
    <message>
        <source>The machine stopped: tap Reason needed and choose why.</source>
        <translation>Die Maschine hat angehalten: Tippen Sie auf „Grund fehlt“ und wählen Sie den Grund.</translation>
    </message>
    <message>
        <source>The station is down without a reason: tap Reason needed and choose why.</source>
        <translation>Der Arbeitsplatz steht ohne Grund: Tippen Sie auf „Grund fehlt“ und wählen Sie den Grund.</translation>
    </message>
    <message>
        <source>Label of lot {lot} printed again ({where}).</source>
        <translation>Etikett von Charge {lot} erneut gedruckt ({where}).</translation>
    </message>
    <message>
        <source>Label of lot {lot} printed ({where}).</source>
        <translation>Etikett von Charge {lot} gedruckt ({where}).</translation>
    </message>
    <message>
        <source>Label not printed. {why}</source>
        <translation>Etikett nicht gedruckt. {why}</translation>
    </message>
    <message>
        <source>Check due: {checks}.</source>
        <translation>Prüfung fällig: {checks}.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you entered is lost; try again, or call a supervisor.</source>
        <translation>Etwas ist schiefgegangen. Ihre Eingaben sind nicht verloren; versuchen Sie es erneut oder rufen Sie einen Meister.</translation>
    </message>
    <message>
        <source>Not sent: the database cannot be reached. What you entered is kept; tap Send again.</source>
        <translation>Nicht gesendet: Die Datenbank ist nicht erreichbar. Ihre Eingabe bleibt erhalten; tippen Sie auf Erneut senden.</translation>
    </message>
    <message>
        <source>Saved here, not checked yet ({waiting} waiting): {what}. If it no longer applies when sent, a supervisor decides.</source>
        <translation>Hier gespeichert, noch nicht geprüft ({waiting} wartend): {what}. Gilt es beim Senden nicht mehr, entscheidet ein Meister.</translation>
    </message>
    <message>
        <source>Actions saved here no longer applied when sent ({count}). Nothing is lost: a supervisor will decide.</source>
        <translation>Hier gespeicherte Aktionen galten beim Senden nicht mehr ({count}). Nichts ist verloren: Ein Meister entscheidet.</translation>
    </message>
    <message>
        <source>This terminal has not reached the database for {minutes} minutes. It still saves starts, pauses, counts, scans of lot labels, downtime and checks here, unchecked ({waiting} waiting); signing in with a PIN needs the database. Tell a supervisor or IT now.</source>
        <translation>Dieses Terminal erreicht die Datenbank seit {minutes} Minuten nicht. Starts, Pausen, Mengen, Chargenscans, Stillstände und Prüfungen werden weiter hier gespeichert, ungeprüft ({waiting} wartend); die Anmeldung mit PIN braucht die Datenbank. Sagen Sie jetzt einem Meister oder der IT Bescheid.</translation>
    </message>
    <message>
        <source>Started offline, from this terminal&apos;s data of {time}. What you do is saved here and sent when the database answers; signing in with a PIN needs the database.</source>
        <translation>Offline gestartet, mit den Daten dieses Terminals von {time}. Was Sie tun, wird hier gespeichert und gesendet, sobald die Datenbank antwortet; die Anmeldung mit PIN braucht die Datenbank.</translation>
    </message>
    <message>
        <source>Pending: saved here, not sent yet</source>
        <translation>Ausstehend: hier gespeichert, noch nicht gesendet</translation>
    </message>
    <message>
        <source>The database is reachable again.</source>
        <translation>Die Datenbank ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>Nobody used the terminal for a while: everyone is signed out.</source>
        <translation>Das Terminal wurde länger nicht benutzt: Alle wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Sign in first: scan your badge.</source>
        <translation>Bitte zuerst anmelden: Ausweis scannen.</translation>
    </message>
    <message>
        <source>No job is running here: start the job, then scan its material.</source>
        <translation>Hier läuft kein Auftrag: Starten Sie den Auftrag, dann scannen Sie sein Material.</translation>
    </message>
    <message>
        <source>Badge {badge} scanned: enter your PIN.</source>
        <translation>Ausweis {badge} gescannt: PIN eingeben.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} is not in this station&apos;s dispatch list.</source>
        <translation>{work_order} Arbeitsgang {operation} steht nicht im Arbeitsvorrat dieser Station.</translation>
    </message>
    <message>
        <source>Work order {work_order} has nothing to do at this station.</source>
        <translation>Auftrag {work_order} hat an dieser Station nichts zu tun.</translation>
    </message>
    <message>
        <source>This is station {station}.</source>
        <translation>Dies ist Station {station}.</translation>
    </message>
    <message>
        <source>This terminal is station {here}; the sign says {there}.</source>
        <translation>Dieses Terminal ist Station {here}; das Schild sagt {there}.</translation>
    </message>
    <message>
        <source>Scan not recognised. {reason}</source>
        <translation>Scan nicht erkannt. {reason}</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve instructions</source>
        <translation>Arbeitsanweisung freigeben</translation>
    </message>
    <message>
        <source>{product} operation {operation} ({name}): revision {revision}, {steps} steps, {files} files.</source>
        <translation>{product} Arbeitsgang {operation} ({name}): Revision {revision}, {steps} Schritte, {files} Dateien.</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>Elektronische Unterschrift</translation>
    </message>
    <message>
        <source>Meaning: approved. By signing you release revision {revision} to the floor; orders released from now on show it.</source>
        <translation>Bedeutung: freigegeben. Mit Ihrer Unterschrift geben Sie Revision {revision} für die Fertigung frei; ab jetzt freigegebene Aufträge zeigen sie.</translation>
    </message>
    <message>
        <source>Scan or type your badge</source>
        <translation>Ausweis scannen oder eingeben</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>You signed a moment ago: your PIN alone signs this.</source>
        <translation>Sie haben eben unterschrieben: Ihre PIN allein unterschreibt dies.</translation>
    </message>
    <message>
        <source>Sign and approve</source>
        <translation>Unterschreiben und freigeben</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Change (old → new)</source>
        <translation>Änderung (alt → neu)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>corrects #{event}</source>
        <translation>korrigiert #{event}</translation>
    </message>
    <message>
        <source>corrected by {events}</source>
        <translation>korrigiert durch {events}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Events: {count}</source>
        <translation>Ereignisse: {count}</translation>
    </message>
    <message>
        <source>CSV written to {path} ({count} rows).</source>
        <translation>CSV nach {path} geschrieben ({count} Zeilen).</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Checks / exceptions</source>
        <translation>Prüfungen / Ausnahmen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cycle actual / ideal</source>
        <translation>Takt Ist / Ideal</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <source>Andon</source>
        <translation>Andon</translation>
    </message>
    <message>
        <source>OEE shift</source>
        <translation>OEE Schicht</translation>
    </message>
    <message>
        <source>machine offline</source>
        <translation>Maschine offline</translation>
    </message>
    <message>
        <source>{count} unassigned</source>
        <translation>{count} nicht zugeordnet</translation>
    </message>
    <message>
        <source>reason needed</source>
        <translation>Grund fehlt</translation>
    </message>
    <message>
        <source>{name} calls · {since}</source>
        <translation>{name} ruft · {since}</translation>
    </message>
    <message>
        <source>Reported without material: {missing}</source>
        <translation>Ohne Material gemeldet: {missing}</translation>
    </message>
    <message>
        <source>The stop has no reason yet.</source>
        <translation>Der Stillstand hat noch keinen Grund.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>{station}: {name} at {time}</source>
        <translation>{station}: {name} um {time}</translation>
    </message>
    <message>
        <source>Calls for help ({count})</source>
        <translation>Hilferufe ({count})</translation>
    </message>
    <message>
        <source>{station}: {start} – {end}</source>
        <translation>{station}: {start} – {end}</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>{verb} {job} at {station} on the operator&apos;s behalf? It is recorded under your name.</source>
        <translation>{verb}: {job} an {station} für den Werker? Es wird unter Ihrem Namen erfasst.</translation>
    </message>
</context>
<context>
    <name>CameraScanDialog</name>
    <message>
        <source>Scan with the camera</source>
        <translation>Mit der Kamera scannen</translation>
    </message>
    <message>
        <source>Hold the barcode in front of the camera.</source>
        <translation>Halten Sie den Barcode vor die Kamera.</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>Erneut scannen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Read: {scan}</source>
        <translation>Gelesen: {scan}</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Checklist</source>
        <translation>Prüfliste</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>i. O.</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>n. i. O.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Checklist {code}</source>
        <translation>Prüfliste {code}</translation>
    </message>
    <message>
        <source>{name} · version {version} · {work_order} operation {operation}</source>
        <translation>{name} · Version {version} · {work_order} Arbeitsgang {operation}</translation>
    </message>
    <message>
        <source>Item {index} of {count}</source>
        <translation>Merkmal {index} von {count}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Due now: {why}.</source>
        <translation>Jetzt fällig: {why}.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Pflicht.</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>Freiwillig.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>i. O.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>n. i. O.</translation>
    </message>
    <message>
        <source>Last: {value} ({verdict}).</source>
        <translation>Zuletzt: {value} ({verdict}).</translation>
    </message>
    <message>
        <source>Record a failed check?</source>
        <translation>Prüfung als n. i. O. erfassen?</translation>
    </message>
    <message>
        <source>{item}: failed. A nonconformance is raised for this job.</source>
        <translation>{item}: n. i. O. Für diesen Auftrag wird eine Abweichung gemeldet.</translation>
    </message>
    <message>
        <source>Record as failed</source>
        <translation>Als n. i. O. erfassen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Enter the measured value.</source>
        <translation>Messwert eingeben.</translation>
    </message>
    <message>
        <source>{value}{unit} is not a possible value; measure again and check the entry.</source>
        <translation>{value}{unit} ist kein möglicher Wert; bitte nachmessen und die Eingabe prüfen.</translation>
    </message>
    <message>
        <source>Outside the limits</source>
        <translation>Außerhalb der Grenzen</translation>
    </message>
    <message>
        <source>{item} {value}{unit} is outside {limits}. Record it as a failed check? A nonconformance is raised for this job.</source>
        <translation>{item} {value}{unit} liegt außerhalb {limits}. Als n. i. O. erfassen? Für diesen Auftrag wird eine Abweichung gemeldet.</translation>
    </message>
    <message>
        <source>Measure again</source>
        <translation>Nachmessen</translation>
    </message>
    <message>
        <source>Write the answer first.</source>
        <translation>Bitte zuerst die Antwort eingeben.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Actions saved on a terminal while the database could not be reached, refused by a rule when they were sent. Nothing was done with them: discard each with a reason, or apply it again once what refused it is put right.</source>
        <translation>Aktionen, die an einem Terminal ohne Datenbankverbindung gespeichert und beim Senden von einer Regel abgelehnt wurden. Mit ihnen ist nichts geschehen: Verwerfen Sie jede mit Begründung, oder wenden Sie sie erneut an, sobald der Grund der Ablehnung behoben ist.</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <source>Apply again</source>
        <translation>Erneut anwenden</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Erfasst um</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Open conflicts: {count}</source>
        <translation>Offene Konflikte: {count}</translation>
    </message>
</context>
<context>
    <name>ConflictsViewModel</name>
    <message>
        <source>Conflict {conflict} applied.</source>
        <translation>Konflikt {conflict} angewendet.</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <source>Discard conflict {conflict}</source>
        <translation>Konflikt {conflict} verwerfen</translation>
    </message>
    <message>
        <source>{action}: {why}</source>
        <translation>{action}: {why}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation>Bitte begründen.</translation>
    </message>
</context>
<context>
    <name>DispatchModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Arbeitsplätze</translation>
    </message>
    <message>
        <source>Eligible stations: {stations}</source>
        <translation>Zulässige Arbeitsplätze: {stations}</translation>
    </message>
    <message>
        <source>assigned here</source>
        <translation>hier zugeteilt</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Bereitschaft</translation>
    </message>
</context>
<context>
    <name>DispositionDialog</name>
    <message>
        <source>Dispose of {number}</source>
        <translation>Entscheid zu {number}</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Use as is</source>
        <translation>Sonderfreigabe</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Verschrotten</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>Zurück an Lieferanten</translation>
    </message>
    <message>
        <source>the whole lot</source>
        <translation>die ganze Charge</translation>
    </message>
    <message>
        <source>empty: {whole}</source>
        <translation>leer: {whole}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Electronic signature</source>
        <translation>Elektronische Unterschrift</translation>
    </message>
    <message>
        <source>Meaning: approved. By signing you approve this disposition of {number}.</source>
        <translation>Bedeutung: genehmigt. Mit Ihrer Unterschrift genehmigen Sie diesen Entscheid zu {number}.</translation>
    </message>
    <message>
        <source>Two-person rule: {name}, who raised it, may not sign it.</source>
        <translation>Vier-Augen-Prinzip: {name} hat sie gemeldet und darf nicht unterschreiben.</translation>
    </message>
    <message>
        <source>Scan or type your badge</source>
        <translation>Ausweis scannen oder eintippen</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>You signed a moment ago: your PIN alone signs this.</source>
        <translation>Sie haben eben unterschrieben: Ihre PIN allein unterschreibt dies.</translation>
    </message>
    <message>
        <source>Sign and dispose</source>
        <translation>Unterschreiben und entscheiden</translation>
    </message>
    <message>
        <source>Lot {lot}{amount}</source>
        <translation>Charge {lot}{amount}</translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation>Auftrag {job}</translation>
    </message>
    <message>
        <source>Raised by {name} at {time}</source>
        <translation>Gemeldet von {name} am {time}</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>Kommentar (Pflicht)</translation>
    </message>
</context>
<context>
    <name>DowntimeDialog</name>
    <message>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <source>Comment (optional): what happened?</source>
        <translation>Kommentar (freiwillig): Was ist passiert?</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Alle Gründe</translation>
    </message>
    <message>
        <source>Stop the station</source>
        <translation>Arbeitsplatz anhalten</translation>
    </message>
    <message>
        <source>No reasons are set up; ask a supervisor.</source>
        <translation>Es sind keine Gründe angelegt; bitte den Meister fragen.</translation>
    </message>
    <message>
        <source>1 reason</source>
        <translation>1 Grund</translation>
    </message>
    <message>
        <source>{count} reasons</source>
        <translation>{count} Gründe</translation>
    </message>
</context>
<context>
    <name>ErpModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>refused, applied again %1 by %2</source>
        <translation>abgelehnt, erneut angewendet %1 von %2</translation>
    </message>
</context>
<context>
    <name>ErpPage</name>
    <message>
        <source>In and out</source>
        <translation>Ein und aus</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut anwenden</translation>
    </message>
    <message>
        <source>Apply a refused document from the ERP again, once its cause is fixed.</source>
        <translation>Ein abgelehntes Dokument aus dem ERP erneut anwenden, sobald die Ursache behoben ist.</translation>
    </message>
    <message>
        <source>Open XML</source>
        <translation>XML öffnen</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Messages: {count}</source>
        <translation>Nachrichten: {count}</translation>
    </message>
</context>
<context>
    <name>ErpViewModel</name>
    <message>
        <source>{document} applied.</source>
        <translation>{document} angewendet.</translation>
    </message>
    <message>
        <source>{document} refused again: {sentence}</source>
        <translation>{document} erneut abgelehnt: {sentence}</translation>
    </message>
</context>
<context>
    <name>GanttWidget</name>
    <message>
        <source>Unlock {key}</source>
        <translation>{key} entsperren</translation>
    </message>
    <message>
        <source>Lock {key} where it is</source>
        <translation>{key} an dieser Stelle sperren</translation>
    </message>
    <message>
        <source>No stations</source>
        <translation>Keine Stationen</translation>
    </message>
</context>
<context>
    <name>GenealogyModel</name>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>GenealogyPage</name>
    <message>
        <source>Type or scan the lot whose label to print.</source>
        <translation>Charge eintippen oder scannen, deren Etikett gedruckt werden soll.</translation>
    </message>
    <message>
        <source>Lots that went into lot {lot} ({material}): {count}.</source>
        <translation>Chargen, die in Charge {lot} ({material}) eingingen: {count}.</translation>
    </message>
    <message>
        <source>Lots made from lot {lot} ({material}): {count}.</source>
        <translation>Aus Charge {lot} ({material}) gefertigte Chargen: {count}.</translation>
    </message>
    <message>
        <source>Finished lots containing supplier lot {supplier_lot} (received as {lots}): {count}.</source>
        <translation>Fertige Chargen mit Lieferantencharge {supplier_lot} (vereinnahmt als {lots}): {count}.</translation>
    </message>
</context>
<context>
    <name>HeldLotsModel</name>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Held since</source>
        <translation>Gesperrt seit</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Gesperrt von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>For nonconformance</source>
        <translation>Zu Abweichung</translation>
    </message>
</context>
<context>
    <name>InstructionsDialog</name>
    <message>
        <source>Work instructions</source>
        <translation>Arbeitsanweisung</translation>
    </message>
    <message>
        <source>This revision has no steps.</source>
        <translation>Diese Revision hat keine Schritte.</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Zoom −</source>
        <translation>Zoom −</translation>
    </message>
    <message>
        <source>Zoom +</source>
        <translation>Zoom +</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>⚠ Caution: {text}</source>
        <translation>⚠ Achtung: {text}</translation>
    </message>
    <message>
        <source>Page {page} of this step&apos;s PDF cannot be shown here. Ask your supervisor for the paper copy.</source>
        <translation>Seite {page} der PDF dieses Schritts kann hier nicht angezeigt werden. Fragen Sie Ihre Schichtleitung nach der Papierfassung.</translation>
    </message>
    <message>
        <source>This step&apos;s picture cannot be shown here. Ask your supervisor for the paper copy.</source>
        <translation>Das Bild dieses Schritts kann hier nicht angezeigt werden. Fragen Sie Ihre Schichtleitung nach der Papierfassung.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} · {name} — Instructions rev {revision}</source>
        <translation>{work_order} Arbeitsgang {operation} · {name} — Anweisung Rev. {revision}</translation>
    </message>
    <message>
        <source>Step {index} of {count}</source>
        <translation>Schritt {index} von {count}</translation>
    </message>
    <message>
        <source>New instructions: revision {revision}. Read every step, then confirm on the last one.</source>
        <translation>Neue Arbeitsanweisung: Revision {revision}. Lesen Sie jeden Schritt und bestätigen Sie auf dem letzten.</translation>
    </message>
    <message>
        <source>I have read revision {revision}</source>
        <translation>Revision {revision} gelesen</translation>
    </message>
</context>
<context>
    <name>InstructionsEditDialog</name>
    <message>
        <source>Edit instructions</source>
        <translation>Arbeitsanweisung bearbeiten</translation>
    </message>
    <message>
        <source>{product} operation {operation} ({name}), from revision {revision}. Saving adds revision {next}: the floor keeps the approved steps until quality approves it with a signature.</source>
        <translation>{product} Arbeitsgang {operation} ({name}), ausgehend von Revision {revision}. Speichern legt Revision {next} an: Die Fertigung behält die freigegebenen Schritte, bis die Qualität sie mit Unterschrift freigibt.</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Picture or PDF</source>
        <translation>Bild oder PDF</translation>
    </message>
    <message>
        <source>Operators acknowledge having read this revision</source>
        <translation>Werker bestätigen, diese Revision gelesen zu haben</translation>
    </message>
    <message>
        <source>Save as revision {next}</source>
        <translation>Als Revision {next} speichern</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>⚠ caution</source>
        <translation>⚠ Vorsicht</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>PDF {short}, page {page} ({size})</source>
        <translation>PDF {short}, Seite {page} ({size})</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>{kind} image {short} ({size})</source>
        <translation>{kind}-Bild {short} ({size})</translation>
    </message>
    <message>
        <source>Keep at least one step.</source>
        <translation>Mindestens ein Schritt muss bleiben.</translation>
    </message>
    <message>
        <source>Step {position} {problem}</source>
        <translation>Schritt {position} {problem}</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>Approve with signature…</source>
        <translation>Mit Unterschrift freigeben…</translation>
    </message>
    <message>
        <source>Edit steps…</source>
        <translation>Schritte bearbeiten…</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Move order to the newest approved</source>
        <translation>Auftrag auf die neueste Freigabe umstellen</translation>
    </message>
    <message>
        <source>A changed plant file or Edit steps… adds a pending revision. Quality approves it with badge and PIN; released orders keep the revision they were released with until they are moved.</source>
        <translation>Eine geänderte Werksdatei oder „Schritte bearbeiten…“ legt eine offene Revision an. Die Qualität gibt sie mit Ausweis und PIN frei; freigegebene Aufträge behalten ihre Revision, bis sie umgestellt werden.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Geladen</translation>
    </message>
    <message>
        <source>Open operations showing it</source>
        <translation>Offene Arbeitsgänge mit dieser Revision</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Revisions: {count} · waiting for approval: {pending}</source>
        <translation>Revisionen: {count} · warten auf Freigabe: {pending}</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>approved · current</source>
        <translation>freigegeben · aktuell</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>InstructionsPanel</name>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
</context>
<context>
    <name>InstructionsViewModel</name>
    <message>
        <source>{product} operation {operation}: instructions revision {revision} approved. Signed: {signature}.</source>
        <translation>{product} Arbeitsgang {operation}: Arbeitsanweisung Revision {revision} freigegeben. Unterschrieben: {signature}.</translation>
    </message>
    <message>
        <source>{product} operation {operation}: instructions revision {revision} saved with {steps} steps; it waits for approval by quality.</source>
        <translation>{product} Arbeitsgang {operation}: Anweisung Revision {revision} mit {steps} Schritten gespeichert; sie wartet auf die Freigabe durch die Qualität.</translation>
    </message>
    <message>
        <source>{work_order} already shows the newest approved instructions.</source>
        <translation>{work_order} zeigt bereits die neueste freigegebene Arbeitsanweisung.</translation>
    </message>
    <message>
        <source>operation {operation} to revision {after}</source>
        <translation>Arbeitsgang {operation} auf Revision {after}</translation>
    </message>
    <message>
        <source>{work_order} moved: {steps}.</source>
        <translation>{work_order} umgestellt: {steps}.</translation>
    </message>
</context>
<context>
    <name>LotReasonDialog</name>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Grund (freiwillig)</translation>
    </message>
</context>
<context>
    <name>MasterPage</name>
    <message>
        <source>Site</source>
        <translation>Werk</translation>
    </message>
    <message>
        <source>Lines and workstations</source>
        <translation>Linien und Arbeitsplätze</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Benutzer und Rollen</translation>
    </message>
    <message>
        <source>Materials and products</source>
        <translation>Materialien und Produkte</translation>
    </message>
    <message>
        <source>Routings</source>
        <translation>Arbeitspläne</translation>
    </message>
    <message>
        <source>Bills of materials</source>
        <translation>Stücklisten</translation>
    </message>
    <message>
        <source>Downtime reasons</source>
        <translation>Stillstandsgründe</translation>
    </message>
    <message>
        <source>Scrap reasons</source>
        <translation>Ausschussgründe</translation>
    </message>
    <message>
        <source>Unlock badge {badge}</source>
        <translation>Ausweis {badge} entsperren</translation>
    </message>
    <message>
        <source>Why is it unlocked? The reason is kept in the audit trail.</source>
        <translation>Warum wird er entsperrt? Der Grund wird im Audit-Trail festgehalten.</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Entnommen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Benötigt</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Needed for what is reported so far</source>
        <translation>Benötigt für das bisher Gemeldete</translation>
    </message>
    <message>
        <source>Taken from lots so far</source>
        <translation>Bisher aus Chargen entnommen</translation>
    </message>
    <message>
        <source>Left to take for the planned quantity</source>
        <translation>Noch zu entnehmen für die geplante Menge</translation>
    </message>
    <message>
        <source>to scan</source>
        <translation>zu scannen</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>gedeckt</translation>
    </message>
    <message>
        <source>floor stock</source>
        <translation>Handlager</translation>
    </message>
    <message>
        <source>short</source>
        <translation>zu wenig</translation>
    </message>
    <message>
        <source>taken at completion</source>
        <translation>bei Fertigmeldung entnommen</translation>
    </message>
    <message>
        <source>{on_hand} {unit} on hand</source>
        <translation>{on_hand} {unit} vorrätig</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Choose a new PIN</source>
        <translation>Neue PIN wählen</translation>
    </message>
    <message>
        <source>Your PIN has expired; choose a new one.</source>
        <translation>Ihre PIN ist abgelaufen; wählen Sie eine neue.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>Type the new PIN.</source>
        <translation>Neue PIN eingeben.</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same new PIN twice.</source>
        <translation>Die beiden PINs sind verschieden; geben Sie zweimal dieselbe neue PIN ein.</translation>
    </message>
</context>
<context>
    <name>NewPinPad</name>
    <message>
        <source>Choose a new PIN</source>
        <translation>Neue PIN wählen</translation>
    </message>
    <message>
        <source>Your PIN has expired. Type a new one twice.</source>
        <translation>Ihre PIN ist abgelaufen. Geben Sie zweimal eine neue ein.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Type the new PIN.</source>
        <translation>Neue PIN eingeben.</translation>
    </message>
    <message>
        <source>The two PINs differ; type the new PIN twice again.</source>
        <translation>Die beiden PINs sind verschieden; geben Sie die neue PIN noch einmal zweimal ein.</translation>
    </message>
</context>
<context>
    <name>NonconformanceModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Defect</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>Raised at</source>
        <translation>Gemeldet am</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>rework under way</source>
        <translation>in Nacharbeit</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Negative or positive</source>
        <translation>Negativ oder positiv</translation>
    </message>
</context>
<context>
    <name>OeeTableModel</name>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>Select the row to see how its figures are made.</source>
        <translation>Wählen Sie die Zeile, um zu sehen, wie ihre Kennzahlen entstehen.</translation>
    </message>
    <message>
        <source>Whole plant</source>
        <translation>Ganzes Werk</translation>
    </message>
    <message>
        <source>Line {code}</source>
        <translation>Linie {code}</translation>
    </message>
    <message>
        <source>all shifts</source>
        <translation>alle Schichten</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>⇧</source>
        <translation>⇧</translation>
    </message>
    <message>
        <source>Capital letter</source>
        <translation>Großbuchstabe</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Edit work order</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>New work order</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gefertigt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Operations done</source>
        <translation>Arbeitsgänge fertig</translation>
    </message>
    <message>
        <source>Late: due {due} and not finished.</source>
        <translation>Verspätet: fällig am {due} und nicht fertig.</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fertiggestellt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Orders: {count} · late: {late}</source>
        <translation>Aufträge: {count} · verspätet: {late}</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Put {number} on hold? Its stations stop taking it.</source>
        <translation>{number} anhalten? Seine Arbeitsplätze nehmen ihn dann nicht mehr an.</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Auftrag stornieren</translation>
    </message>
    <message>
        <source>Cancel {number}? This cannot be undone.</source>
        <translation>{number} stornieren? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Auftrag abschließen</translation>
    </message>
    <message>
        <source>Close {number}? No more work is booked on it.</source>
        <translation>{number} abschließen? Darauf wird dann nichts mehr gebucht.</translation>
    </message>
</context>
<context>
    <name>ParetoChart</name>
    <message>
        <source>Cumulative %</source>
        <translation>Kumuliert %</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Kumulierter Anteil</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The preview cannot be shown.</source>
        <translation>Die Vorschau kann nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Label of lot {lot}</source>
        <translation>Etikett von Charge {lot}</translation>
    </message>
    <message>
        <source>Traveler of {order}</source>
        <translation>Laufkarte von {order}</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Etikettengröße</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Label printer: {target}</source>
        <translation>Etikettendrucker: {target}</translation>
    </message>
    <message>
        <source>Label printer: none set up</source>
        <translation>Etikettendrucker: keiner eingerichtet</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF-Datei</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>File name ending in .pdf</source>
        <translation>Dateiname mit Endung .pdf</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Printed before on {time}: this is a reprint. Say why.</source>
        <translation>Schon am {time} gedruckt: Das ist ein Nachdruck. Geben Sie den Grund an.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Nachdrucken</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Print to PDF file</source>
        <translation>In PDF-Datei drucken</translation>
    </message>
</context>
<context>
    <name>PrintingViewModel</name>
    <message>
        <source>1 copy</source>
        <translation>1 Kopie</translation>
    </message>
    <message>
        <source>{n} copies</source>
        <translation>{n} Kopien</translation>
    </message>
    <message>
        <source>the traveler of {order}</source>
        <translation>die Laufkarte von {order}</translation>
    </message>
    <message>
        <source>the label of lot {lot}</source>
        <translation>das Etikett von Charge {lot}</translation>
    </message>
    <message>
        <source>Asked before: print job {job} is {status}.</source>
        <translation>Schon beauftragt: Druckauftrag {job} ist {status}.</translation>
    </message>
    <message>
        <source>Reprinted {what} ({copies}) to {where}; print job {job}.</source>
        <translation>{what} ({copies}) erneut gedruckt auf {where}; Druckauftrag {job}.</translation>
    </message>
    <message>
        <source>Printed {what} ({copies}) to {where}; print job {job}.</source>
        <translation>{what} ({copies}) gedruckt auf {where}; Druckauftrag {job}.</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <source>Open: {open} · rework under way: {rework}</source>
        <translation>Offen: {open} · in Nacharbeit: {rework}</translation>
    </message>
    <message>
        <source>Lots on hold: {count}</source>
        <translation>Gesperrte Chargen: {count}</translation>
    </message>
    <message>
        <source>Signed with badge and PIN by quality; two-person rule: the one who raised it does not sign.</source>
        <translation>Von der Qualität mit Ausweis und PIN unterschrieben; Vier-Augen-Prinzip: Wer sie gemeldet hat, unterschreibt nicht.</translation>
    </message>
    <message>
        <source>Signed with badge and PIN by quality.</source>
        <translation>Von der Qualität mit Ausweis und PIN unterschrieben.</translation>
    </message>
    <message>
        <source>Hold lot</source>
        <translation>Charge sperren</translation>
    </message>
    <message>
        <source>Release lot</source>
        <translation>Charge freigeben</translation>
    </message>
</context>
<context>
    <name>QualityViewModel</name>
    <message>
        <source>{nc}: {decision}. Signed: {signature}.</source>
        <translation>{nc}: {decision}. Unterschrieben: {signature}.</translation>
    </message>
    <message>
        <source>Lot {lot} is on hold.</source>
        <translation>Charge {lot} ist gesperrt.</translation>
    </message>
    <message>
        <source>Lot {lot} is released.</source>
        <translation>Charge {lot} ist freigegeben.</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Enter a quantity from 1 to %1.</source>
        <translation>Geben Sie eine Menge von 1 bis %1 ein.</translation>
    </message>
    <message>
        <source>Enter a quantity above zero.</source>
        <translation>Geben Sie eine Menge über null ein.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>No reasons are set up; ask a supervisor.</source>
        <translation>Es sind keine Gründe eingerichtet; fragen Sie einen Meister.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Whole plant</source>
        <translation>Ganzes Werk</translation>
    </message>
    <message>
        <source>Line {code} · {name}</source>
        <translation>Linie {code} · {name}</translation>
    </message>
    <message>
        <source>    Station {code}</source>
        <translation>    Arbeitsplatz {code}</translation>
    </message>
    <message>
        <source>Select a row.</source>
        <translation>Wählen Sie eine Zeile.</translation>
    </message>
    <message>
        <source>{where}, {stations} stations, {start} to {end} ({zone}).</source>
        <translation>{where}, {stations} Arbeitsplätze, {start} bis {end} ({zone}).</translation>
    </message>
    <message>
        <source>Measured until now.</source>
        <translation>Gemessen bis jetzt.</translation>
    </message>
    <message>
        <source>{what}: OEE = A × P × Q = {a} × {p} × {q} = {oee}</source>
        <translation>{what}: OEE = V × L × Q = {a} × {p} × {q} = {oee}</translation>
    </message>
    <message>
        <source>Downtime by reason: {stops} stops, {time}</source>
        <translation>Stillstand nach Grund: {stops} Stillstände, {time}</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Scrap by reason: {total}</source>
        <translation>Ausschuss nach Grund: {total}</translation>
    </message>
    <message>
        <source>(shares within each unit)</source>
        <translation>(Anteile je Einheit)</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Spec: </source>
        <translation>Spezifikation: </translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Violations: {control} control (Nelson rules), {spec} spec</source>
        <translation>Verletzungen: {control} Regelkarte (Nelson-Regeln), {spec} Spezifikation</translation>
    </message>
    <message>
        <source>Cp {cp} · Cpk {cpk} · Pp {pp} · Ppk {ppk}</source>
        <translation>Cp {cp} · Cpk {cpk} · Pp {pp} · Ppk {ppk}</translation>
    </message>
    <message>
        <source>{count} points · no control limits (fewer than 2 points)</source>
        <translation>{count} Punkte · keine Eingriffsgrenzen (weniger als 2 Punkte)</translation>
    </message>
    <message>
        <source>{count} points · limits from the first {baseline}</source>
        <translation>{count} Punkte · Grenzen aus den ersten {baseline}</translation>
    </message>
    <message>
        <source>excluding {points} (beyond the limits)</source>
        <translation>ohne {points} (außerhalb der Grenzen)</translation>
    </message>
    <message>
        <source>provisional until {baseline} points</source>
        <translation>vorläufig bis {baseline} Punkte</translation>
    </message>
</context>
<context>
    <name>ReportsViewModel</name>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} gespeichert.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Neu planen</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Plane…</translation>
    </message>
    <message>
        <source>Draft, not in force until published: {count} operations; late orders: {late}.</source>
        <translation>Entwurf, erst nach dem Freigeben gültig: {count} Arbeitsgänge; verspätete Aufträge: {late}.</translation>
    </message>
    <message>
        <source>Plan in force: {count} operations; late orders: {late}.</source>
        <translation>Gültiger Plan: {count} Arbeitsgänge; verspätete Aufträge: {late}.</translation>
    </message>
    <message>
        <source>No plan is in force yet: Reschedule makes a draft, Publish puts it in force (or run &apos;mes-terminal schedule --apply&apos;).</source>
        <translation>Noch kein Plan gültig: „Neu planen“ erstellt einen Entwurf, „Freigeben“ setzt ihn in Kraft (oder &apos;mes-terminal schedule --apply&apos; ausführen).</translation>
    </message>
    <message>
        <source>{count} open operations are not planned: Reschedule.</source>
        <translation>{count} offene Arbeitsgänge sind nicht eingeplant: neu planen.</translation>
    </message>
    <message>
        <source>Planned without: {stations}.</source>
        <translation>Geplant ohne: {stations}.</translation>
    </message>
    <message>
        <source>Shaded: off shift and breaks; hatched: changeovers; outlined: locked.</source>
        <translation>Schattiert: außerhalb der Schichten und Pausen; schraffiert: Rüsten; umrandet: gesperrt.</translation>
    </message>
    <message>
        <source>Waiting for material: {waits} and {more} more.</source>
        <translation>Wartet auf Material: {waits} und {more} weitere.</translation>
    </message>
    <message>
        <source>Waiting for material: {waits}.</source>
        <translation>Wartet auf Material: {waits}.</translation>
    </message>
    <message>
        <source>{count} operations are short of material nothing on hand or expected covers.</source>
        <translation>{count} Arbeitsgänge fehlt Material, das weder vorrätig noch erwartet ist.</translation>
    </message>
</context>
<context>
    <name>ScheduleViewModel</name>
    <message>
        <source>The plan is in force: {count} operations; the dispatch lists follow it.</source>
        <translation>Der Plan ist gültig: {count} Arbeitsgänge; die Arbeitslisten folgen ihm.</translation>
    </message>
</context>
<context>
    <name>Sentences</name>
    <message>
        <source>Backflush needs {quantity} {unit} of {material}, but usable lots hold only {quantity2} {unit}. Receive or release material, then complete again.</source>
        <translation>Die retrograde Entnahme braucht {quantity} {unit} {material}, verwendbare Chargen enthalten nur {quantity2} {unit}. Material vereinnahmen oder freigeben, dann erneut abschließen.</translation>
    </message>
    <message>
        <source>Check due at start: {checks}.</source>
        <translation>Prüfung beim Start fällig: {checks}.</translation>
    </message>
    <message>
        <source>Checklist {checklist} version {version} has no item {item}.</source>
        <translation>Checkliste {checklist} Version {version} hat keinen Punkt {item}.</translation>
    </message>
    <message>
        <source>Choose a scrap reason for the scrap quantity.</source>
        <translation>Wählen Sie einen Ausschussgrund für die Ausschussmenge.</translation>
    </message>
    <message>
        <source>Enter your PIN to sign in at {station}.</source>
        <translation>Geben Sie Ihre PIN ein, um sich an {station} anzumelden.</translation>
    </message>
    <message>
        <source>Lot {lot} exists already; give the new lot another number.</source>
        <translation>Charge {lot} gibt es schon; geben Sie der neuen Charge eine andere Nummer.</translation>
    </message>
    <message>
        <source>Lot {lot} expired on {date}; an expired lot is not received.</source>
        <translation>Charge {lot} ist am {date} abgelaufen; eine abgelaufene Charge wird nicht vereinnahmt.</translation>
    </message>
    <message>
        <source>Lot {lot} expired on {date}; it cannot be used.</source>
        <translation>Charge {lot} ist am {date} abgelaufen; sie kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Lot {lot} holds nothing to scrap.</source>
        <translation>Charge {lot} enthält nichts zum Verschrotten.</translation>
    </message>
    <message>
        <source>Lot {lot} holds only {quantity} {unit}; {quantity2} {unit} cannot be taken.</source>
        <translation>Charge {lot} enthält nur {quantity} {unit}; {quantity2} {unit} können nicht entnommen werden.</translation>
    </message>
    <message>
        <source>Lot {lot} holds {quantity} {unit}; a split must leave some in it.</source>
        <translation>Charge {lot} enthält {quantity} {unit}; beim Teilen muss etwas darin bleiben.</translation>
    </message>
    <message>
        <source>Lot {lot} holds {quantity}; {quantity2} cannot be nonconforming.</source>
        <translation>Charge {lot} enthält {quantity}; {quantity2} können nicht fehlerhaft sein.</translation>
    </message>
    <message>
        <source>Lot {lot} holds {quantity}; {quantity2} cannot be taken.</source>
        <translation>Charge {lot} enthält {quantity}; {quantity2} können nicht entnommen werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is empty.</source>
        <translation>Charge {lot} ist leer.</translation>
    </message>
    <message>
        <source>Lot {lot} is in quarantine; it cannot be used.</source>
        <translation>Charge {lot} ist in Quarantäne; sie kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is not on hold.</source>
        <translation>Charge {lot} ist nicht gesperrt.</translation>
    </message>
    <message>
        <source>Lot {lot} is on hold; it cannot be used.</source>
        <translation>Charge {lot} ist gesperrt; sie kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is scrapped; it cannot be used.</source>
        <translation>Charge {lot} ist verschrottet; sie kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is used up; it cannot be used.</source>
        <translation>Charge {lot} ist aufgebraucht; sie kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is {material} and lot {target} is {material2}; only lots of one material can be merged.</source>
        <translation>Charge {lot} ist {material} und Charge {target} ist {material2}; nur Chargen eines Materials lassen sich zusammenführen.</translation>
    </message>
    <message>
        <source>Lot {lot} is {material}, which is not on the bill of materials of {work_order} operation {operation} (it needs {wanted}).</source>
        <translation>Charge {lot} ist {material}; das steht nicht in der Stückliste von {work_order} Arbeitsgang {operation} (gebraucht wird {wanted}).</translation>
    </message>
    <message>
        <source>Lot {lot} is {status}; only an available lot can be held.</source>
        <translation>Charge {lot} ist {status}; nur eine verfügbare Charge kann gesperrt werden.</translation>
    </message>
    <message>
        <source>Lot {lot} is {status}; return it after its release.</source>
        <translation>Charge {lot} ist {status}; geben Sie sie nach der Freigabe zurück.</translation>
    </message>
    <message>
        <source>Lot {lot} no longer holds {quantity}; scan it again.</source>
        <translation>Charge {lot} enthält nicht mehr {quantity}; scannen Sie sie erneut.</translation>
    </message>
    <message>
        <source>Lot {lot} of work order {work_order} is on hold.</source>
        <translation>Charge {lot} von Auftrag {work_order} ist gesperrt.</translation>
    </message>
    <message>
        <source>Lot {target} is {status}; lots are merged only into an available lot.</source>
        <translation>Charge {target} ist {status}; Chargen werden nur in eine verfügbare Charge zusammengeführt.</translation>
    </message>
    <message>
        <source>Material short: {lines}.</source>
        <translation>Material fehlt: {lines}.</translation>
    </message>
    <message>
        <source>Name at least one lot to merge besides the one they go into.</source>
        <translation>Nennen Sie außer der Zielcharge mindestens eine Charge zum Zusammenführen.</translation>
    </message>
    <message>
        <source>Name the lot or the work order that does not conform.</source>
        <translation>Nennen Sie die Charge oder den Auftrag, der nicht konform ist.</translation>
    </message>
    <message>
        <source>Name the operation of work order {work_order} that does not conform.</source>
        <translation>Nennen Sie den Arbeitsgang von Auftrag {work_order}, der nicht konform ist.</translation>
    </message>
    <message>
        <source>Needs the qualification {required}, which nobody signed in here holds.</source>
        <translation>Braucht die Qualifikation {required}, die niemand der hier Angemeldeten hat.</translation>
    </message>
    <message>
        <source>No job of {order} operation {operation} runs at {station}; start it before scanning material.</source>
        <translation>An {station} läuft kein Auftrag {order} Arbeitsgang {operation}; starten Sie ihn, bevor Sie Material scannen.</translation>
    </message>
    <message>
        <source>No material has the GTIN {gtin}.</source>
        <translation>Kein Material hat die GTIN {gtin}.</translation>
    </message>
    <message>
        <source>No plant file has been loaded yet.</source>
        <translation>Es wurde noch keine Werksdatei geladen.</translation>
    </message>
    <message>
        <source>No user has badge {badge}.</source>
        <translation>Kein Benutzer hat den Ausweis {badge}.</translation>
    </message>
    <message>
        <source>Nobody signed in at {station} is qualified for {required}, which {job} needs.</source>
        <translation>Niemand, der an {station} angemeldet ist, hat die Qualifikation {required}, die {job} braucht.</translation>
    </message>
    <message>
        <source>Nonconformance {nc} is {status} already.</source>
        <translation>Abweichung {nc} ist bereits {status}.</translation>
    </message>
    <message>
        <source>Nonconformance {nc} names no lot; only a lot can be scrapped or returned.</source>
        <translation>Abweichung {nc} nennt keine Charge; nur eine Charge kann verschrottet oder zurückgeschickt werden.</translation>
    </message>
    <message>
        <source>Only a lot can be put on hold: name the lot.</source>
        <translation>Nur eine Charge kann gesperrt werden: nennen Sie die Charge.</translation>
    </message>
    <message>
        <source>Only {quantity} {unit} of lot {lot} went into {order} operation {operation}; {quantity2} cannot be returned.</source>
        <translation>Nur {quantity} {unit} von Charge {lot} gingen in {order} Arbeitsgang {operation}; {quantity2} können nicht zurückgegeben werden.</translation>
    </message>
    <message>
        <source>Paused here: {progress}.</source>
        <translation>Hier unterbrochen: {progress}.</translation>
    </message>
    <message>
        <source>Ready: {quantity} to make.</source>
        <translation>Bereit: {quantity} zu fertigen.</translation>
    </message>
    <message>
        <source>Report a good or a scrap quantity above zero.</source>
        <translation>Melden Sie eine Gut- oder Ausschussmenge über null.</translation>
    </message>
    <message>
        <source>Running here: {progress}.</source>
        <translation>Läuft hier: {progress}.</translation>
    </message>
    <message>
        <source>Several lots of GTIN {gtin} carry the supplier lot {batch}; scan our own lot label instead.</source>
        <translation>Mehrere Chargen der GTIN {gtin} tragen die Lieferantencharge {batch}; scannen Sie stattdessen unser eigenes Chargenetikett.</translation>
    </message>
    <message>
        <source>Stop {id} is at {station}, not at {station2}.</source>
        <translation>Stillstand {id} gehört zu {station}, nicht zu {station2}.</translation>
    </message>
    <message>
        <source>Stop {stop_id} started at {time}; it cannot end before that ({time2}).</source>
        <translation>Stillstand {stop_id} begann um {time}; er kann nicht davor enden ({time2}).</translation>
    </message>
    <message>
        <source>The barcode names no lot (AI 10); scan the lot label.</source>
        <translation>Der Barcode nennt keine Charge (AI 10); scannen Sie das Chargenetikett.</translation>
    </message>
    <message>
        <source>The barcode names no product (AI 01 GTIN); scan the lot label.</source>
        <translation>Der Barcode nennt kein Produkt (AI 01 GTIN); scannen Sie das Chargenetikett.</translation>
    </message>
    <message>
        <source>The database cannot be reached ({first_line}).</source>
        <translation>Die Datenbank ist nicht erreichbar ({first_line}).</translation>
    </message>
    <message>
        <source>The plan breaks a rule ({rule}); nothing was changed. Reschedule first.</source>
        <translation>Der Plan verletzt eine Regel ({rule}); nichts wurde geändert. Zuerst neu planen.</translation>
    </message>
    <message>
        <source>The split time {time} lies outside stop {stop_id} ({time2} to {until}).</source>
        <translation>Der Teilungszeitpunkt {time} liegt außerhalb von Stillstand {stop_id} ({time2} bis {until}).</translation>
    </message>
    <message>
        <source>There is no downtime reason {code}.</source>
        <translation>Es gibt keinen Stillstandsgrund {code}.</translation>
    </message>
    <message>
        <source>There is no lot {batch} of GTIN {gtin}.</source>
        <translation>Es gibt keine Charge {batch} der GTIN {gtin}.</translation>
    </message>
    <message>
        <source>There is no lot {number}.</source>
        <translation>Es gibt keine Charge {number}.</translation>
    </message>
    <message>
        <source>There is no material {code}.</source>
        <translation>Es gibt kein Material {code}.</translation>
    </message>
    <message>
        <source>There is no nonconformance {nonconformance}.</source>
        <translation>Es gibt keine Abweichung {nonconformance}.</translation>
    </message>
    <message>
        <source>There is no product {code}.</source>
        <translation>Es gibt kein Produkt {code}.</translation>
    </message>
    <message>
        <source>There is no scrap reason {code}.</source>
        <translation>Es gibt keinen Ausschussgrund {code}.</translation>
    </message>
    <message>
        <source>There is no work order {number}.</source>
        <translation>Es gibt keinen Auftrag {number}.</translation>
    </message>
    <message>
        <source>state must be running, idle, setup, down, stopped or faulted, not {value!r}.</source>
        <translation>state muss running, idle, setup, down, stopped oder faulted sein, nicht {value!r}.</translation>
    </message>
    <message>
        <source>value must be 0 or more, not {value}.</source>
        <translation>value muss 0 oder mehr sein, nicht {value}.</translation>
    </message>
    <message>
        <source>A GS1 DataMatrix needs a GTIN, and material {material} has none.</source>
        <translation>Ein GS1-DataMatrix-Code braucht eine GTIN, und Material {material} hat keine.</translation>
    </message>
    <message>
        <source>--item {item} needs --checklist: item codes repeat from one checklist to the next.</source>
        <translation>--item {item} braucht --checklist: Prüfpunktcodes wiederholen sich von Checkliste zu Checkliste.</translation>
    </message>
    <message>
        <source>A baseline needs at least 2 points (better {minimum} or more), not {size}.</source>
        <translation>Eine Basis braucht mindestens 2 Punkte (besser {minimum} oder mehr), nicht {size}.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; at line {line} has no {what}; the MES needs it.</source>
        <translation>&lt;{element}&gt; in Zeile {line} hat kein(e) {what}; das MES braucht es.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; at line {line} holds &apos;{value}&apos;, which is not {what}.</source>
        <translation>&lt;{element}&gt; in Zeile {line} enthält &apos;{value}&apos;, und das ist nicht {what}.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; at line {line} is of OperationsType &apos;{kind}&apos;; the MES imports Production schedules only.</source>
        <translation>&lt;{element}&gt; in Zeile {line} hat den OperationsType &apos;{kind}&apos;; das MES übernimmt nur Produktionspläne (Production).</translation>
    </message>
    <message>
        <source>A failed print job needs the reason it failed.</source>
        <translation>Ein fehlgeschlagener Druckauftrag braucht den Grund, warum er fehlschlug.</translation>
    </message>
    <message>
        <source>A message on {address} cannot be read: {problem}.</source>
        <translation>Eine Nachricht auf {address} ist nicht lesbar: {problem}.</translation>
    </message>
    <message>
        <source>A priority lies between -{limit} and {limit}.</source>
        <translation>Eine Priorität liegt zwischen -{limit} und {limit}.</translation>
    </message>
    <message>
        <source>A subgroup holds 2 to 25 values, not {size}.</source>
        <translation>Eine Untergruppe hat 2 bis 25 Werte, nicht {size}.</translation>
    </message>
    <message>
        <source>A traveler is a page document: print it to a PDF file or a system printer (printer:NAME), not to a label printer.</source>
        <translation>Eine Laufkarte ist ein Seitendokument: Drucken Sie sie in eine PDF-Datei oder auf einen Systemdrucker (printer:NAME), nicht auf einen Etikettendrucker.</translation>
    </message>
    <message>
        <source>Badge or PIN not recognised; nothing was signed.</source>
        <translation>Ausweis oder PIN nicht erkannt; es wurde nichts unterschrieben.</translation>
    </message>
    <message>
        <source>Call {call} came from {origin}, not from {station}.</source>
        <translation>Ruf {call} kam von {origin}, nicht von {station}.</translation>
    </message>
    <message>
        <source>Command id {command_id} was already used for a {type}; every command needs its own id.</source>
        <translation>Befehls-ID {command_id} wurde schon für {type} verwendet; jeder Befehl braucht seine eigene ID.</translation>
    </message>
    <message>
        <source>Lot {lot} is held for nonconformance {nc}; its disposition by quality releases it.</source>
        <translation>Charge {lot} ist wegen Abweichung {nc} gesperrt; der Entscheid der Qualität gibt sie frei.</translation>
    </message>
    <message>
        <source>No label printer is set up for this station; an administrator sets one in the station setup ([printer] label in the settings file).</source>
        <translation>Für diesen Arbeitsplatz ist kein Etikettendrucker eingerichtet; ein Administrator richtet ihn in der Einrichtung des Arbeitsplatzes ein ([printer] label in der Einstellungsdatei).</translation>
    </message>
    <message>
        <source>No station can do operation {operation}; nothing was planned.</source>
        <translation>Keine Station kann Arbeitsgang {operation} ausführen; es wurde nichts geplant.</translation>
    </message>
    <message>
        <source>Nothing to change: give a new quantity, due date or priority.</source>
        <translation>Nichts zu ändern: Geben Sie eine neue Menge, einen Fälligkeitstermin oder eine Priorität an.</translation>
    </message>
    <message>
        <source>Operation {operation} needs {minutes} minutes, more than any eligible station&apos;s planned time allows; nothing was planned.</source>
        <translation>Arbeitsgang {operation} braucht {minutes} Minuten, mehr als die geplante Zeit jeder geeigneten Station erlaubt; es wurde nichts geplant.</translation>
    </message>
    <message>
        <source>Product {product} has no routing; add its operations to the plant file first.</source>
        <translation>Produkt {product} hat keinen Arbeitsplan; tragen Sie zuerst seine Arbeitsgänge in die Werksdatei ein.</translation>
    </message>
    <message>
        <source>Request {request} (line {line}) is for product {product}, which the MES does not know or has no routing for, and its segments name no equipment to make it on.</source>
        <translation>Anforderung {request} (Zeile {line}) gilt für Produkt {product}, das das MES nicht kennt oder für das es keinen Arbeitsplan hat, und ihre Segmente nennen keine Anlage, auf der es gefertigt wird.</translation>
    </message>
    <message>
        <source>Request {request} changed, but work order {number} has started ({status}); the ERP&apos;s change is not applied. Settle it with the shop floor and edit the order in the console.</source>
        <translation>Anforderung {request} wurde geändert, aber Auftrag {number} hat schon begonnen ({status}); die Änderung des ERP wird nicht übernommen. Klären Sie es mit der Fertigung und ändern Sie den Auftrag in der Leitstand-Konsole.</translation>
    </message>
    <message>
        <source>Request {request} now asks for product {product}, but work order {number} makes {made}; a work order&apos;s product does not change. Cancel it and send a new request.</source>
        <translation>Anforderung {request} verlangt jetzt Produkt {product}, aber Auftrag {number} fertigt {made}; das Produkt eines Auftrags ändert sich nicht. Stornieren Sie ihn und senden Sie eine neue Anforderung.</translation>
    </message>
    <message>
        <source>Segment {segment} (line {line}) names equipment {equipment}, which is neither a workstation nor a line.</source>
        <translation>Segment {segment} (Zeile {line}) nennt die Anlage {equipment}, die weder ein Arbeitsplatz noch eine Linie ist.</translation>
    </message>
    <message>
        <source>The column map {file} cannot be used: {reason}</source>
        <translation>Die Spaltenzuordnung {file} ist nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <source>Reported without material: {job} has not taken the material for {reported} {unit}: {missing}.</source>
        <translation>Ohne Material gemeldet: Für {job} wurde das Material für {reported} {unit} nicht entnommen: {missing}.</translation>
    </message>
    <message>
        <source>Scrap reason {name} ({code}) is not one of {station}: it applies at {scope}. Choose a reason the terminal offers for {job}.</source>
        <translation>Ausschussgrund {name} ({code}) gehört nicht zu {station}: er gilt an {scope}. Wählen Sie einen Grund, den das Terminal für {job} anbietet.</translation>
    </message>
    <message>
        <source>The command&apos;s time {time}Z lies in the future; check the clock of the machine that sent it.</source>
        <translation>Die Zeit des Befehls {time}Z liegt in der Zukunft; prüfen Sie die Uhr des Rechners, der ihn gesendet hat.</translation>
    </message>
    <message>
        <source>The {kind} document for {subject} does not validate against MESA&apos;s schema ({reason}, line {line}); nothing was written.</source>
        <translation>Das {kind}-Dokument für {subject} ist nach dem Schema der MESA nicht gültig ({reason}, Zeile {line}); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The work does not fit in the planning horizon ({operation} would end after it); plan more days.</source>
        <translation>Die Arbeit passt nicht in den Planungshorizont ({operation} würde danach enden); planen Sie mehr Tage.</translation>
    </message>
    <message>
        <source>&lt;{element}&gt; {property} at line {line} is not a property the MES knows; it knows {known}.</source>
        <translation>&lt;{element}&gt; {property} in Zeile {line} ist keine Eigenschaft, die das MES kennt; es kennt {known}.</translation>
    </message>
    <message>
        <source>A PIN has at least {length} and at most 12 digits.</source>
        <translation>Eine PIN hat mindestens {length} und höchstens 12 Ziffern.</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>Eine PIN besteht nur aus Ziffern.</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Badge {badge} is locked after too many wrong PINs; an administrator resets it.</source>
        <translation>Ausweis {badge} ist nach zu vielen falschen PINs gesperrt; ein Administrator entsperrt ihn.</translation>
    </message>
    <message>
        <source>Badge {badge} is not locked; nothing to reset.</source>
        <translation>Ausweis {badge} ist nicht gesperrt; nichts zu entsperren.</translation>
    </message>
    <message>
        <source>Calendar time</source>
        <translation>Kalenderzeit</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}.</source>
        <translation>{file} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Conflict {conflict} was already settled ({status}).</source>
        <translation>Konflikt {conflict} ist bereits erledigt ({status}).</translation>
    </message>
    <message>
        <source>Counted by machines</source>
        <translation>Von Maschinen gezählt</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Kumulierter Anteil</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Equipment {equipment} (line {line}): line {parent} is not known to the MES; lines come from the plant file, so nothing of the document was applied.</source>
        <translation>Anlage {equipment} (Zeile {line}): Linie {parent} ist dem MES nicht bekannt; Linien kommen aus der Werksdatei, daher wurde nichts aus dem Dokument übernommen.</translation>
    </message>
    <message>
        <source>Event {event} already counts {good} good and {scrap} scrap; nothing to correct.</source>
        <translation>Ereignis {event} zählt bereits {good} gut und {scrap} Ausschuss; nichts zu korrigieren.</translation>
    </message>
    <message>
        <source>Event {event} is not a reported count; only a CountReported event can be corrected.</source>
        <translation>Ereignis {event} ist keine gemeldete Menge; nur ein CountReported-Ereignis kann korrigiert werden.</translation>
    </message>
    <message>
        <source>First report</source>
        <translation>Erste Meldung</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Ideal time</source>
        <translation>Idealzeit</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlustart</translation>
    </message>
    <message>
        <source>Lot {lot} has not arrived yet; it is expected on {date}.</source>
        <translation>Charge {lot} ist noch nicht eingetroffen; sie wird am {date} erwartet.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Gefertigt</translation>
    </message>
    <message>
        <source>Micro-stops</source>
        <translation>Kurzstillstände</translation>
    </message>
    <message>
        <source>Not a code MES Terminal knows: {shown}</source>
        <translation>Kein Code, den MES Terminal kennt: {shown}</translation>
    </message>
    <message>
        <source>Not a code MES Terminal knows: {shown} ({scheme}: links are never opened)</source>
        <translation>Kein Code, den MES Terminal kennt: {shown} ({scheme}:-Links werden nie geöffnet)</translation>
    </message>
    <message>
        <source>Not a code MES Terminal knows: {shown} is a web address with no GS1 key such as /01/ in its path</source>
        <translation>Kein Code, den MES Terminal kennt: {shown} ist eine Webadresse ohne GS1-Schlüssel wie /01/ im Pfad</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Only a refused document from the ERP can be applied again; {document} is {status}.</source>
        <translation>Nur ein abgelehntes Dokument aus dem ERP kann erneut angewendet werden; {document} ist {status}.</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>Operation name</source>
        <translation>Arbeitsgangname</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Planned stops</source>
        <translation>Geplante Stillstände</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>Geplante Zeit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Grundcode</translation>
    </message>
    <message>
        <source>Reason path</source>
        <translation>Grundpfad</translation>
    </message>
    <message>
        <source>Reported without material</source>
        <translation>Ohne Material gemeldet</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Revision {revision} of the instructions of {product} operation {operation} is approved already.</source>
        <translation>Revision {revision} der Arbeitsanweisung von {product} Arbeitsgang {operation} ist bereits freigegeben.</translation>
    </message>
    <message>
        <source>Revision {revision} of the instructions of {product} operation {operation} is older than the approved revision {current}; approve the newest revision instead.</source>
        <translation>Revision {revision} der Arbeitsanweisung von {product} Arbeitsgang {operation} ist älter als die freigegebene Revision {current}; geben Sie stattdessen die neueste Revision frei.</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Say why conflict {conflict} is discarded.</source>
        <translation>Begründen Sie, warum Konflikt {conflict} verworfen wird.</translation>
    </message>
    <message>
        <source>Say why the count is corrected; the reason is kept with the correction.</source>
        <translation>Begründen Sie die Korrektur der Menge; der Grund wird mit der Korrektur gespeichert.</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Signing in with a PIN needs the database, which cannot be reached now; try again when the terminal is online.</source>
        <translation>Die Anmeldung mit PIN braucht die Datenbank, die gerade nicht erreichbar ist; versuchen Sie es erneut, wenn das Terminal online ist.</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Step {step} of {product} operation {operation} keeps a file that no revision of the operation shows; add new pictures and PDFs through the plant file.</source>
        <translation>Schritt {step} von {product} Arbeitsgang {operation} behält eine Datei, die keine Revision des Arbeitsgangs zeigt; neue Bilder und PDFs kommen über die Werksdatei.</translation>
    </message>
    <message>
        <source>Step {step} of {product} operation {operation} {problem}</source>
        <translation>Schritt {step} von {product} Arbeitsgang {operation} {problem}</translation>
    </message>
    <message>
        <source>Stop time</source>
        <translation>Stillstandszeit</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Stillstände</translation>
    </message>
    <message>
        <source>Stops from machines</source>
        <translation>Stillstände von Maschinen</translation>
    </message>
    <message>
        <source>Stops from operators</source>
        <translation>Stillstände von Werkern</translation>
    </message>
    <message>
        <source>Stops without a reason</source>
        <translation>Stillstände ohne Grund</translation>
    </message>
    <message>
        <source>TEEP</source>
        <translation>TEEP</translation>
    </message>
    <message>
        <source>That PIN was used recently (the last {remember} may not be chosen again); choose another.</source>
        <translation>Diese PIN wurde kürzlich verwendet (die letzten {remember} dürfen nicht wieder gewählt werden); wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The file of {document} is no longer at {file}.</source>
        <translation>Die Datei von {document} liegt nicht mehr unter {file}.</translation>
    </message>
    <message>
        <source>The scan contains control characters: {shown}</source>
        <translation>Der Scan enthält Steuerzeichen: {shown}</translation>
    </message>
    <message>
        <source>The scan looks cut off: nothing came through</source>
        <translation>Der Scan scheint abgeschnitten: Es kam nichts an</translation>
    </message>
    <message>
        <source>The scan looks cut off: {shown}</source>
        <translation>Der Scan scheint abgeschnitten: {shown}</translation>
    </message>
    <message>
        <source>The steps of {product} operation {operation} are those of revision {revision} already; nothing to revise.</source>
        <translation>Die Schritte von {product} Arbeitsgang {operation} sind bereits die von Revision {revision}; nichts zu ändern.</translation>
    </message>
    <message>
        <source>The {type} of conflict {conflict} has not run; apply it with &apos;mes-terminal conflicts apply {conflict}&apos;.</source>
        <translation>{type} aus Konflikt {conflict} wurde nicht ausgeführt; wenden Sie es mit &apos;mes-terminal conflicts apply {conflict}&apos; an.</translation>
    </message>
    <message>
        <source>The {what} {text} does not fit on the label at a readable size; shorten it or use a wider label.</source>
        <translation>{what} {text} passt nicht in lesbarer Größe auf das Etikett; kürzen Sie den Text oder nehmen Sie ein breiteres Etikett.</translation>
    </message>
    <message>
        <source>There are no commands in {file}.</source>
        <translation>In {file} stehen keine Befehle.</translation>
    </message>
    <message>
        <source>There is no ERP message {id}.</source>
        <translation>Es gibt keine ERP-Nachricht {id}.</translation>
    </message>
    <message>
        <source>There is no call for help number {call}.</source>
        <translation>Es gibt keinen Hilferuf Nummer {call}.</translation>
    </message>
    <message>
        <source>There is no conflict {conflict}.</source>
        <translation>Es gibt keinen Konflikt {conflict}.</translation>
    </message>
    <message>
        <source>There is no line {line}.</source>
        <translation>Es gibt keine Linie {line}.</translation>
    </message>
    <message>
        <source>There is no print job {job}.</source>
        <translation>Es gibt keinen Druckauftrag {job}.</translation>
    </message>
    <message>
        <source>There is no stop {stop_id}.</source>
        <translation>Es gibt keinen Stillstand {stop_id}.</translation>
    </message>
    <message>
        <source>There is no workstation {code}.</source>
        <translation>Es gibt keinen Arbeitsplatz {code}.</translation>
    </message>
    <message>
        <source>This is the first signature of your session (or it has been idle): scan your badge and type your PIN.</source>
        <translation>Dies ist die erste Unterschrift Ihrer Sitzung (oder sie war untätig): Scannen Sie Ihren Ausweis und geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>This terminal&apos;s disk is full: its outbox file {path} cannot keep this action. The terminal takes no new work until there is room, so that nothing is lost; call an administrator to free space (docs/offline.md).</source>
        <translation>Der Datenträger dieses Terminals ist voll: seine Ausgangsdatei {path} kann diese Aktion nicht aufnehmen. Das Terminal nimmt keine neue Arbeit an, bis wieder Platz ist, damit nichts verloren geht; rufen Sie einen Administrator, um Platz zu schaffen (docs/offline.md).</translation>
    </message>
    <message>
        <source>This terminal&apos;s outbox file {path} cannot be used ({reason}). The terminal takes no new work so that nothing is lost; call an administrator (docs/offline.md).</source>
        <translation>Die Ausgangsdatei {path} dieses Terminals ist nicht nutzbar ({reason}). Das Terminal nimmt keine neue Arbeit an, damit nichts verloren geht; rufen Sie einen Administrator (docs/offline.md).</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>To {action} write a comment that says why.</source>
        <translation>Für „{action}“ schreiben Sie einen Kommentar mit der Begründung.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Units without an ideal cycle</source>
        <translation>Einheiten ohne Idealzyklus</translation>
    </message>
    <message>
        <source>Unplanned stops</source>
        <translation>Ungeplante Stillstände</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Nutzungsgrad</translation>
    </message>
    <message>
        <source>Waiting for operation {operation} ({operation_name}) to finish: {good} done.</source>
        <translation>Wartet auf das Ende von Arbeitsgang {operation} ({operation_name}): {good} fertig.</translation>
    </message>
    <message>
        <source>Waiting for operation {operation} ({operation_name}): all {good} parts delivered so far are done here.</source>
        <translation>Wartet auf Arbeitsgang {operation} ({operation_name}): alle {good} bisher gelieferten Teile sind hier fertig.</translation>
    </message>
    <message>
        <source>Waiting for operation {operation} ({operation_name}): no parts available yet.</source>
        <translation>Wartet auf Arbeitsgang {operation} ({operation_name}): noch keine Teile verfügbar.</translation>
    </message>
    <message>
        <source>Within the calendar</source>
        <translation>Innerhalb des Kalenders</translation>
    </message>
    <message>
        <source>Work order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Work order {number} already exists.</source>
        <translation>Auftrag {number} gibt es schon.</translation>
    </message>
    <message>
        <source>Work order {number} has already made {made}; the quantity cannot go below that.</source>
        <translation>Auftrag {number} hat schon {made} gefertigt; die Menge kann nicht darunter sinken.</translation>
    </message>
    <message>
        <source>Work order {number} is {status}; it cannot be {done}.</source>
        <translation>Auftrag {number} ist {status}; er kann nicht {done} werden.</translation>
    </message>
    <message>
        <source>Work order {number} was changed by someone else while you were editing it; their change is kept. Look at it again and repeat your change.</source>
        <translation>Auftrag {number} wurde von jemand anderem geändert, während Sie ihn bearbeitet haben; diese Änderung bleibt. Sehen Sie ihn sich erneut an und wiederholen Sie Ihre Änderung.</translation>
    </message>
    <message>
        <source>Work order {order} is on hold; it cannot be resumed.</source>
        <translation>Auftrag {order} ist angehalten; er kann nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Work order {order} was changed at the same moment; try again.</source>
        <translation>Auftrag {order} wurde im selben Moment geändert; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Work order {work_order} has no operation {operation}.</source>
        <translation>Auftrag {work_order} hat keinen Arbeitsgang {operation}.</translation>
    </message>
    <message>
        <source>Work order {work_order} has no output lot yet: it is made with the first good count. Report good parts, then print the label.</source>
        <translation>Auftrag {work_order} hat noch keine Ausgangscharge: sie entsteht mit der ersten Gutmeldung. Melden Sie Gutteile, dann drucken Sie das Etikett.</translation>
    </message>
    <message>
        <source>Work order {work_order} is not released.</source>
        <translation>Auftrag {work_order} ist nicht freigegeben.</translation>
    </message>
    <message>
        <source>Work order {work_order} is on hold.</source>
        <translation>Auftrag {work_order} ist angehalten.</translation>
    </message>
    <message>
        <source>Workstation {station} is out of service.</source>
        <translation>Arbeitsplatz {station} ist außer Betrieb.</translation>
    </message>
    <message>
        <source>Your PIN has expired; choose a new one.</source>
        <translation>Ihre PIN ist abgelaufen; wählen Sie eine neue.</translation>
    </message>
    <message>
        <source>another station</source>
        <translation>einem anderen Arbeitsplatz</translation>
    </message>
    <message>
        <source>at completion</source>
        <translation>beim Abschluss</translation>
    </message>
    <message>
        <source>at shift start</source>
        <translation>zu Schichtbeginn</translation>
    </message>
    <message>
        <source>at start</source>
        <translation>beim Start</translation>
    </message>
    <message>
        <source>every {every} units: {since} since the last check</source>
        <translation>alle {every} Einheiten: {since} seit der letzten Prüfung</translation>
    </message>
    <message>
        <source>every {minutes} minutes</source>
        <translation>alle {minutes} Minuten</translation>
    </message>
    <message>
        <source>first piece</source>
        <translation>Erstteil</translation>
    </message>
    <message>
        <source>{checklist}/{item} is not a numeric item of a loaded checklist.</source>
        <translation>{checklist}/{item} ist kein Messpunkt einer geladenen Checkliste.</translation>
    </message>
    <message>
        <source>{check} and {more} more</source>
        <translation>{check} und {more} weitere</translation>
    </message>
    <message>
        <source>{document} was applied again at {time} by {actor}; nothing is left to retry.</source>
        <translation>{document} wurde am {time} von {actor} erneut angewendet; es ist nichts mehr zu wiederholen.</translation>
    </message>
    <message>
        <source>{field} has more than six decimal places ({answer}).</source>
        <translation>{field} hat mehr als sechs Nachkommastellen ({answer}).</translation>
    </message>
    <message>
        <source>{field} is too large to be a measurement ({answer}).</source>
        <translation>{field} ist zu groß für einen Messwert ({answer}).</translation>
    </message>
    <message>
        <source>{field} must be a number, not {answer}.</source>
        <translation>{field} muss eine Zahl sein, nicht {answer}.</translation>
    </message>
    <message>
        <source>{field} must be an address such as mqtt://HOST:PORT, opc.tcp://HOST:PORT or modbus://HOST:PORT, not {url}.</source>
        <translation>{field} muss eine Adresse wie mqtt://HOST:PORT, opc.tcp://HOST:PORT oder modbus://HOST:PORT sein, nicht {url}.</translation>
    </message>
    <message>
        <source>{field} must be {allowed}, not {value!r}.</source>
        <translation>{field} muss {allowed} sein, nicht {value!r}.</translation>
    </message>
    <message>
        <source>{field} needs an answer, not {answer}.</source>
        <translation>{field} braucht eine Antwort, nicht {answer}.</translation>
    </message>
    <message>
        <source>{field} needs an answer.</source>
        <translation>{field} braucht eine Antwort.</translation>
    </message>
    <message>
        <source>{field}: the answer is longer than {limit} characters or not plain text.</source>
        <translation>{field}: die Antwort ist länger als {limit} Zeichen oder kein einfacher Text.</translation>
    </message>
    <message>
        <source>{file} declares a DTD or entities (line {line}); ERP documents must not, and nothing of it was read further.</source>
        <translation>{file} deklariert eine DTD oder Entitäten (Zeile {line}); ERP-Dokumente dürfen das nicht, und es wurde nichts weiter davon gelesen.</translation>
    </message>
    <message>
        <source>{file} holds no B2MML document: its root element &lt;{element}&gt; is in namespace &apos;{namespace}&apos; (line {line}).</source>
        <translation>{file} enthält kein B2MML-Dokument: sein Wurzelelement &lt;{element}&gt; liegt im Namensraum &apos;{namespace}&apos; (Zeile {line}).</translation>
    </message>
    <message>
        <source>{file} is not well-formed XML: {reason} (line {line}).</source>
        <translation>{file} ist kein wohlgeformtes XML: {reason} (Zeile {line}).</translation>
    </message>
    <message>
        <source>{file} is {size} MB, too large to show here; open it with an editor.</source>
        <translation>{file} ist {size} MB groß, zu groß für die Anzeige hier; öffnen Sie sie mit einem Editor.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; the limit is {limit} MB.</source>
        <translation>{file} ist {size} MB groß; die Grenze liegt bei {limit} MB.</translation>
    </message>
    <message>
        <source>{file}, row {row}: {reason}</source>
        <translation>{file}, Zeile {row}: {reason}</translation>
    </message>
    <message>
        <source>{file}: &lt;{element}&gt; (line {line}) is not a document the import takes; it takes ProductionSchedule, OperationsSchedule (Production), MaterialInformation, MaterialDefinition, Equipment and Person.</source>
        <translation>{file}: &lt;{element}&gt; (Zeile {line}) ist kein Dokument, das der Import annimmt; er nimmt ProductionSchedule, OperationsSchedule (Production), MaterialInformation, MaterialDefinition, Equipment und Person.</translation>
    </message>
    <message>
        <source>{good} good, {scrap} scrap of {quantity}</source>
        <translation>{good} gut, {scrap} Ausschuss von {quantity}</translation>
    </message>
    <message>
        <source>{item} ({why})</source>
        <translation>{item} ({why})</translation>
    </message>
    <message>
        <source>{job} cannot start: {reason}</source>
        <translation>{job} kann nicht starten: {reason}</translation>
    </message>
    <message>
        <source>{job} does not run at {station}.</source>
        <translation>{job} läuft nicht an {station}.</translation>
    </message>
    <message>
        <source>{job} has no approved work instructions yet.</source>
        <translation>{job} hat noch keine freigegebene Arbeitsanweisung.</translation>
    </message>
    <message>
        <source>{job} has not taken the material for {reported} {unit}: {missing}. Scan the lots, then report again.</source>
        <translation>Für {job} wurde das Material für {reported} {unit} nicht entnommen: {missing}. Chargen scannen, dann erneut melden.</translation>
    </message>
    <message>
        <source>{job} has {reported} of {target} reported. Report the rest, or complete it with a short close.</source>
        <translation>Für {job} sind {reported} von {target} gemeldet. Melden Sie den Rest oder schließen Sie mit Mindermenge ab.</translation>
    </message>
    <message>
        <source>{job} is already running here.</source>
        <translation>{job} läuft hier bereits.</translation>
    </message>
    <message>
        <source>{job} is assigned to {station}; nothing was reordered.</source>
        <translation>{job} ist {station} zugeteilt; die Reihenfolge wurde nicht geändert.</translation>
    </message>
    <message>
        <source>{job} is completed.</source>
        <translation>{job} ist abgeschlossen.</translation>
    </message>
    <message>
        <source>{job} is no longer open; nothing was reordered.</source>
        <translation>{job} ist nicht mehr offen; die Reihenfolge wurde nicht geändert.</translation>
    </message>
    <message>
        <source>{job} is not paused at {station}.</source>
        <translation>{job} ist an {station} nicht unterbrochen.</translation>
    </message>
    <message>
        <source>{job} is not running at {station}.</source>
        <translation>{job} läuft nicht an {station}.</translation>
    </message>
    <message>
        <source>{job} is not running at {station}; checks are recorded for a running job.</source>
        <translation>{job} läuft nicht an {station}; Prüfungen werden für einen laufenden Auftrag erfasst.</translation>
    </message>
    <message>
        <source>{job} is paused at {station}.</source>
        <translation>{job} ist an {station} unterbrochen.</translation>
    </message>
    <message>
        <source>{job} is paused here; resume it instead.</source>
        <translation>{job} ist hier unterbrochen; setzen Sie ihn stattdessen fort.</translation>
    </message>
    <message>
        <source>{job} is running at {station}.</source>
        <translation>{job} läuft an {station}.</translation>
    </message>
    <message>
        <source>{job} shows instructions revision {shown}, not {revision}; read it again and acknowledge that one.</source>
        <translation>{job} zeigt die Arbeitsanweisung Revision {shown}, nicht {revision}; lesen Sie sie erneut und bestätigen Sie diese.</translation>
    </message>
    <message>
        <source>{job} {uses}, not {checklist}.</source>
        <translation>{job} {uses}, nicht {checklist}.</translation>
    </message>
    <message>
        <source>{job}: check {check} is due; record it before you complete the job.</source>
        <translation>{job}: Prüfung {check} ist fällig; erfassen Sie sie, bevor Sie den Auftrag abschließen.</translation>
    </message>
    <message>
        <source>{job}: check {check} is due; record it before you report more.</source>
        <translation>{job}: Prüfung {check} ist fällig; erfassen Sie sie, bevor Sie weiter melden.</translation>
    </message>
    <message>
        <source>{job}: {value} more would make {value2}, but only {allowed} may be reported ({room} left).</source>
        <translation>{job}: {value} mehr ergäben {value2}, gemeldet werden dürfen aber nur {allowed} ({room} übrig).</translation>
    </message>
    <message>
        <source>{material} is already covered for this job; type a quantity to take more.</source>
        <translation>{material} ist für diesen Auftrag bereits gedeckt; geben Sie eine Menge ein, um mehr zu entnehmen.</translation>
    </message>
    <message>
        <source>{material} is not lot controlled; it is taken from floor stock, not received by lot.</source>
        <translation>{material} ist nicht chargengeführt; es wird aus dem Lagerbestand am Platz genommen, nicht chargenweise vereinnahmt.</translation>
    </message>
    <message>
        <source>{material} needs {quantity} {unit}, {on_hand} {unit} usable on hand</source>
        <translation>{material} braucht {quantity} {unit}, {on_hand} {unit} verwendbar vorhanden</translation>
    </message>
    <message>
        <source>{material} {missing} {unit} missing ({taken} of {needed} {unit} taken)</source>
        <translation>{material}: {missing} {unit} fehlen ({taken} von {needed} {unit} entnommen)</translation>
    </message>
    <message>
        <source>{operation} cannot go there: {rule}. It stays where it was.</source>
        <translation>{operation} kann nicht dorthin: {rule}. Er bleibt, wo er war.</translation>
    </message>
    <message>
        <source>{order} operation {seq} ({operation_name}) is not running here.</source>
        <translation>{order} Arbeitsgang {seq} ({operation_name}) läuft hier nicht.</translation>
    </message>
    <message>
        <source>{person} ({badge}) is deactivated and may not {action}.</source>
        <translation>{person} ({badge}) ist deaktiviert und darf das nicht ({action}).</translation>
    </message>
    <message>
        <source>{person} has already answered the call from {origin}.</source>
        <translation>{person} hat den Ruf von {origin} schon beantwortet.</translation>
    </message>
    <message>
        <source>{person} is not on {order} operation {operation}.</source>
        <translation>{person} arbeitet nicht an {order} Arbeitsgang {operation}.</translation>
    </message>
    <message>
        <source>{person} is not qualified for {required}, which {job} needs.</source>
        <translation>{person} hat nicht die Qualifikation {required}, die {job} braucht.</translation>
    </message>
    <message>
        <source>{person} is not signed in at {station}.</source>
        <translation>{person} ist an {station} nicht angemeldet.</translation>
    </message>
    <message>
        <source>{person} is not signed in at {station}; sign in to join a job.</source>
        <translation>{person} ist an {station} nicht angemeldet; melden Sie sich an, um mitzuarbeiten.</translation>
    </message>
    <message>
        <source>{product} operation {operation} has no instructions revision {revision}.</source>
        <translation>{product} Arbeitsgang {operation} hat keine Revision {revision} der Arbeitsanweisung.</translation>
    </message>
    <message>
        <source>{ready} Check due at start: {checks}.</source>
        <translation>{ready} Prüfung beim Start fällig: {checks}.</translation>
    </message>
    <message>
        <source>{recorder} recorded {what}; under the two-person rule another person signs it.</source>
        <translation>{recorder} hat {what} erfasst; nach dem Vier-Augen-Prinzip unterschreibt eine andere Person.</translation>
    </message>
    <message>
        <source>{station} has no [[machines]] entry in the loaded plant file; add one and run &apos;mes-terminal plant load&apos;.</source>
        <translation>{station} hat keinen [[machines]]-Eintrag in der geladenen Werksdatei; fügen Sie einen hinzu und führen Sie &apos;mes-terminal plant load&apos; aus.</translation>
    </message>
    <message>
        <source>{station} is not down; there is no stop to end.</source>
        <translation>{station} steht nicht; es gibt keinen Stillstand zu beenden.</translation>
    </message>
    <message>
        <source>{subject} is {status}; it cannot become {target}.</source>
        <translation>{subject} ist {status} und kann nicht in den Status {target} wechseln.</translation>
    </message>
    <message>
        <source>{text} is answered with one of: {choices}; not {answer}.</source>
        <translation>{text} wird mit einem von {choices} beantwortet, nicht mit {answer}.</translation>
    </message>
    <message>
        <source>{text} is answered with pass or fail, not {answer}.</source>
        <translation>{text} wird mit i.O. oder n.i.O. beantwortet, nicht mit {answer}.</translation>
    </message>
    <message>
        <source>{text} {value}{unit} is not a possible value (possible: {low} to {high}{unit}); measure again and check the entry.</source>
        <translation>{text} {value}{unit} ist kein möglicher Wert (möglich: {low} bis {high}{unit}); messen Sie erneut und prüfen Sie die Eingabe.</translation>
    </message>
    <message>
        <source>{user_name} may not {action}; that needs the role {needed}.</source>
        <translation>{user_name} darf das nicht ({action}); dafür ist die Rolle {needed} nötig.</translation>
    </message>
    <message>
        <source>{user} is deactivated; ask a supervisor.</source>
        <translation>{user} ist deaktiviert; fragen Sie eine Führungskraft.</translation>
    </message>
    <message>
        <source>{user} signed in at {station} after this sign-out was issued.</source>
        <translation>{user} hat sich an {station} angemeldet, nachdem diese Abmeldung ausgelöst wurde.</translation>
    </message>
    <message>
        <source>{what} was printed before{printed}; a reprint needs a reason.</source>
        <translation>{what} wurde schon gedruckt{printed}; ein Nachdruck braucht einen Grund.</translation>
    </message>
    <message>
        <source>{what} would fall below zero ({value}); correct the later reports or lot movements first.</source>
        <translation>{what} fiele unter null ({value}); korrigieren Sie zuerst die späteren Meldungen oder Chargenbewegungen.</translation>
    </message>
    <message>
        <source>{words}</source>
        <translation>{words}</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} ({operation_name})</source>
        <translation>{work_order} Arbeitsgang {operation} ({operation_name})</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} has no checklist.</source>
        <translation>{work_order} Arbeitsgang {operation} hat keine Checkliste.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} takes no material; lot {lot} ({material}) is not needed here.</source>
        <translation>{work_order} Arbeitsgang {operation} braucht kein Material; Charge {lot} ({material}) wird hier nicht gebraucht.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Station setup</source>
        <translation>Einrichtung des Arbeitsplatzes</translation>
    </message>
    <message>
        <source>Set up this terminal; an administrator&apos;s badge and PIN confirm the change.</source>
        <translation>Dieses Terminal einrichten; Ausweis und PIN eines Administrators bestätigen die Änderung.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Scan now</source>
        <translation>Jetzt scannen</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baudrate</translation>
    </message>
    <message>
        <source>What the scanner sends after each barcode</source>
        <translation>Was der Scanner nach jedem Barcode sendet</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>Etikettendrucker</translation>
    </message>
    <message>
        <source>Test print</source>
        <translation>Testdruck</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Speichern und starten</translation>
    </message>
    <message>
        <source>No label printer</source>
        <translation>Kein Etikettendrucker</translation>
    </message>
    <message>
        <source>PDF folder</source>
        <translation>PDF-Ordner</translation>
    </message>
    <message>
        <source>System printer</source>
        <translation>Systemdrucker</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Test the connection to list the stations.</source>
        <translation>Verbindung testen, um die Arbeitsplätze aufzulisten.</translation>
    </message>
    <message>
        <source>Connected: {0}{1}, schema at head, {2} stations.</source>
        <translation>Verbunden: {0}{1}, Schema aktuell, {2} Arbeitsplätze.</translation>
    </message>
    <message>
        <source>(test the connection first)</source>
        <translation>(zuerst die Verbindung testen)</translation>
    </message>
    <message>
        <source>None: supervisor console only</source>
        <translation>Keiner: nur Meisterkonsole</translation>
    </message>
    <message>
        <source>Scan a barcode now.</source>
        <translation>Jetzt einen Barcode scannen.</translation>
    </message>
    <message>
        <source>Read: {0}</source>
        <translation>Gelesen: {0}</translation>
    </message>
    <message>
        <source>The port does not open: {0}</source>
        <translation>Die Schnittstelle öffnet nicht: {0}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Drucke…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SetupViewModel</name>
    <message>
        <source>An administrator&apos;s badge and PIN are needed to save.</source>
        <translation>Zum Speichern sind Ausweis und PIN eines Administrators nötig.</translation>
    </message>
    <message>
        <source>Unexpected failure ({0}); see the log.</source>
        <translation>Unerwarteter Fehler ({0}); siehe Protokoll.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Scan your badge or type its number.</source>
        <translation>Scannen Sie Ihren Ausweis oder tippen Sie die Nummer ein.</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Scan your badge, or tap your badge number and PIN.</source>
        <translation>Scannen Sie Ihren Ausweis oder tippen Sie Ausweisnummer und PIN ein.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Scan your badge or tap its number first.</source>
        <translation>Scannen Sie zuerst Ihren Ausweis oder tippen Sie die Nummer ein.</translation>
    </message>
    <message>
        <source>Enter your PIN.</source>
        <translation>Geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>SpcChart</name>
    <message>
        <source>Averages (X-bar/R)</source>
        <translation>Mittelwerte (X-quer/R)</translation>
    </message>
    <message>
        <source>Averages (X-bar/S)</source>
        <translation>Mittelwerte (X-quer/S)</translation>
    </message>
    <message>
        <source>Individuals (I)</source>
        <translation>Einzelwerte (I)</translation>
    </message>
    <message>
        <source>provisional limits ({count} of {baseline} baseline points)</source>
        <translation>vorläufige Grenzen ({count} von {baseline} Basispunkten)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(vorläufig)</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Mittellinie</translation>
    </message>
    <message>
        <source>UCL</source>
        <translation>OEG</translation>
    </message>
    <message>
        <source>LCL</source>
        <translation>UEG</translation>
    </message>
    <message>
        <source>USL</source>
        <translation>OSG</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>USG</translation>
    </message>
    <message>
        <source>Control violation</source>
        <translation>Regelkartenverletzung</translation>
    </message>
    <message>
        <source>Spec violation</source>
        <translation>Spezifikationsverletzung</translation>
    </message>
    <message>
        <source>Excluded from the limits</source>
        <translation>Aus den Grenzen ausgeschlossen</translation>
    </message>
    <message>
        <source>No measurements of {item} in this range.</source>
        <translation>Keine Messungen von {item} in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Baseline ({count})</source>
        <translation>Basis ({count})</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Stichprobe</translation>
    </message>
</context>
<context>
    <name>StationScreen</name>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Soll</translation>
    </message>
    <message>
        <source>Run time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Cycle time, actual · ideal</source>
        <translation>Taktzeit, Ist · Ideal</translation>
    </message>
    <message>
        <source>No job is running here. Choose a ready job in the list and tap Start.</source>
        <translation>Hier läuft kein Auftrag. Wählen Sie einen bereiten Auftrag in der Liste und tippen Sie auf Starten.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Dispatch list</source>
        <translation>Arbeitsvorrat</translation>
    </message>
    <message>
        <source>Key in a lot number</source>
        <translation>Chargennummer eintippen</translation>
    </message>
    <message>
        <source>For a label that cannot be scanned: type the lot number; it is recorded as keyed, not scanned.</source>
        <translation>Für ein Etikett, das sich nicht scannen lässt: Chargennummer eintippen; sie wird als eingetippt erfasst, nicht als gescannt.</translation>
    </message>
    <message>
        <source>Scan a lot label to take its material into the job.</source>
        <translation>Chargenetikett scannen, um das Material dem Auftrag zuzubuchen.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>Auftrag fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Stillstand</translation>
    </message>
    <message>
        <source>Report good</source>
        <translation>Gutteile melden</translation>
    </message>
    <message>
        <source>Report scrap</source>
        <translation>Ausschuss melden</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Call supervisor</source>
        <translation>Meister rufen</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Etikett drucken</translation>
    </message>
    <message>
        <source>Add operator</source>
        <translation>Werker hinzufügen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <source>IDLE</source>
        <translation>FREI</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>STILLSTAND</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>PAUSIERT</translation>
    </message>
    <message>
        <source>{count} jobs at this station</source>
        <translation>{count} Aufträge an dieser Station</translation>
    </message>
    <message>
        <source>Reason needed</source>
        <translation>Grund fehlt</translation>
    </message>
    <message>
        <source>Machine stopped · reason needed</source>
        <translation>Maschine steht · Grund fehlt</translation>
    </message>
    <message>
        <source>There is no work for this station: no job is dispatched here. Call your supervisor to release or dispatch a job to this station.</source>
        <translation>Für diesen Arbeitsplatz gibt es keine Arbeit: Hier ist kein Auftrag eingeplant. Rufen Sie Ihren Meister, damit er einen Auftrag freigibt oder diesem Arbeitsplatz zuteilt.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Stop ended · pending</source>
        <translation>Stillstand beendet · ausstehend</translation>
    </message>
    <message>
        <source>{done} of {target}</source>
        <translation>{done} von {target}</translation>
    </message>
    <message>
        <source>End downtime</source>
        <translation>Stillstand beenden</translation>
    </message>
    <message>
        <source>pauses the job</source>
        <translation>unterbricht Auftrag</translation>
    </message>
    <message>
        <source>station stops</source>
        <translation>Arbeitsplatz steht</translation>
    </message>
    <message>
        <source>say why it stopped</source>
        <translation>Grund angeben</translation>
    </message>
    <message>
        <source>job stays paused</source>
        <translation>Auftrag bleibt pausiert</translation>
    </message>
    <message>
        <source>station runs again</source>
        <translation>Arbeitsplatz läuft</translation>
    </message>
    <message>
        <source>ends the stop too</source>
        <translation>beendet den Stillstand</translation>
    </message>
    <message>
        <source>job runs again</source>
        <translation>Auftrag läuft weiter</translation>
    </message>
    <message>
        <source>Materials · {work_order} operation {operation}</source>
        <translation>Material · {work_order} Arbeitsgang {operation}</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} takes no material.</source>
        <translation>{work_order} Arbeitsgang {operation} braucht kein Material.</translation>
    </message>
    <message>
        <source>Not sent yet: {what}</source>
        <translation>Noch nicht gesendet: {what}</translation>
    </message>
    <message>
        <source>Complete with a short close?</source>
        <translation>Mit Mindermenge abschließen?</translation>
    </message>
    <message>
        <source>Complete with short close</source>
        <translation>Mit Mindermenge abschließen</translation>
    </message>
    <message>
        <source>Keep the job open</source>
        <translation>Auftrag offen lassen</translation>
    </message>
    <message>
        <source>How much of lot {lot}?</source>
        <translation>Wie viel von Charge {lot}?</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} pauses; Resume ends the downtime.</source>
        <translation>{work_order} Arbeitsgang {operation} wird unterbrochen; Fortsetzen beendet den Stillstand.</translation>
    </message>
    <message>
        <source>The station is down until you tap End downtime.</source>
        <translation>Der Arbeitsplatz steht, bis Sie „Stillstand beenden“ tippen.</translation>
    </message>
    <message>
        <source>Why does the station stop?</source>
        <translation>Warum steht die Station?</translation>
    </message>
    <message>
        <source>Stop the station</source>
        <translation>Arbeitsplatz anhalten</translation>
    </message>
    <message>
        <source>The machine stopped at {time}.</source>
        <translation>Die Maschine hat um {time} angehalten.</translation>
    </message>
    <message>
        <source>The station stopped at {time}.</source>
        <translation>Der Arbeitsplatz hat um {time} angehalten.</translation>
    </message>
    <message>
        <source>Why did the station stop?</source>
        <translation>Warum hat der Arbeitsplatz angehalten?</translation>
    </message>
    <message>
        <source>Why print the label again?</source>
        <translation>Warum das Etikett erneut drucken?</translation>
    </message>
    <message>
        <source>Label damaged</source>
        <translation>Etikett beschädigt</translation>
    </message>
    <message>
        <source>Label lost</source>
        <translation>Etikett verloren</translation>
    </message>
    <message>
        <source>Printer jammed</source>
        <translation>Drucker gestaut</translation>
    </message>
    <message>
        <source>Another copy needed</source>
        <translation>Weitere Kopie nötig</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <source>Good parts</source>
        <translation>Gutteile</translation>
    </message>
    <message>
        <source>{work_order} operation {operation}: how many good parts since the last report?</source>
        <translation>{work_order} Arbeitsgang {operation}: Wie viele Gutteile seit der letzten Meldung?</translation>
    </message>
    <message>
        <source>How many parts are scrap? Then choose why.</source>
        <translation>Wie viele Teile sind Ausschuss? Danach den Grund wählen.</translation>
    </message>
    <message>
        <source>Why are {scrap} {unit} scrap?</source>
        <translation>Warum sind {scrap} {unit} Ausschuss?</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} {name}: {done} of {target} {unit}: {short} short.</source>
        <translation>{work_order} Arbeitsgang {operation} {name}: {done} von {target} {unit}: {short} fehlen.</translation>
    </message>
    <message>
        <source>Complete the job?</source>
        <translation>Auftrag abschließen?</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} {name}: {good} good and {scrap} scrap of {target}.</source>
        <translation>{work_order} Arbeitsgang {operation} {name}: {good} gut und {scrap} Ausschuss von {target}.</translation>
    </message>
    <message>
        <source>Key in the lot number</source>
        <translation>Chargennummer eintippen</translation>
    </message>
    <message>
        <source>For a label that cannot be scanned. The lot is recorded as keyed, not scanned.</source>
        <translation>Für ein Etikett, das sich nicht scannen lässt. Die Charge wird als eingetippt erfasst, nicht als gescannt.</translation>
    </message>
    <message>
        <source>Take the lot</source>
        <translation>Charge buchen</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Abmelden?</translation>
    </message>
    <message>
        <source>Sign out {name}?</source>
        <translation>{name} abmelden?</translation>
    </message>
</context>
<context>
    <name>StopOffer</name>
    <message>
        <source>no reason yet</source>
        <translation>noch ohne Grund</translation>
    </message>
    <message>
        <source>{station} is down since {since} ({reason}).</source>
        <translation>{station} steht seit {since} ({reason}).</translation>
    </message>
    <message>
        <source>Reschedule without {station} until</source>
        <translation>Neu planen ohne {station} bis</translation>
    </message>
</context>
<context>
    <name>SupervisorAudit</name>
    <message>
        <source>User (badge or name)</source>
        <translation>Benutzer (Ausweis oder Name)</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Entity (kind or id, e.g. WO-1)</source>
        <translation>Objekt (Art oder ID, z. B. WO-1)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>The event as recorded (JSON)</source>
        <translation>Das Ereignis wie gespeichert (JSON)</translation>
    </message>
    <message>
        <source>Select an event to see everything it recorded.</source>
        <translation>Wählen Sie ein Ereignis, um alles zu sehen, was es festhielt.</translation>
    </message>
</context>
<context>
    <name>SupervisorBoard</name>
    <message>
        <source>Calls for help</source>
        <translation>Hilferufe</translation>
    </message>
    <message>
        <source>Acknowledge call</source>
        <translation>Ruf quittieren</translation>
    </message>
    <message>
        <source>Shift timeline</source>
        <translation>Schichtverlauf</translation>
    </message>
    <message>
        <source>Select a station on the board.</source>
        <translation>Wählen Sie einen Arbeitsplatz auf der Übersicht.</translation>
    </message>
    <message>
        <source>On the operator&apos;s behalf</source>
        <translation>Für den Werker</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
</context>
<context>
    <name>SupervisorDispatch</name>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Drag rows to set the order this station works in; its terminal shows the new order at once.</source>
        <translation>Ziehen Sie Zeilen, um die Reihenfolge dieses Arbeitsplatzes festzulegen; sein Terminal zeigt die neue Reihenfolge sofort.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuteilen an</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuteilen</translation>
    </message>
    <message>
        <source>Start on the operator&apos;s behalf</source>
        <translation>Für den Werker starten</translation>
    </message>
</context>
<context>
    <name>SupervisorGenealogy</name>
    <message>
        <source>Lot number</source>
        <translation>Chargennummer</translation>
    </message>
    <message>
        <source>What went into it</source>
        <translation>Was darin einging</translation>
    </message>
    <message>
        <source>What was made from it</source>
        <translation>Was daraus gefertigt wurde</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Print label…</source>
        <translation>Etikett drucken…</translation>
    </message>
    <message>
        <source>Preview the label of this lot, then print or reprint it</source>
        <translation>Etikett dieser Charge in der Vorschau ansehen, dann drucken oder nachdrucken</translation>
    </message>
    <message>
        <source>Supplier lot</source>
        <translation>Lieferantencharge</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Rückruf</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Trace a lot backward or forward, or list the finished lots holding a supplier lot.</source>
        <translation>Eine Charge rückwärts oder vorwärts verfolgen oder die fertigen Chargen auflisten, die eine Lieferantencharge enthalten.</translation>
    </message>
</context>
<context>
    <name>SupervisorMaster</name>
    <message>
        <source>What the plant file loaded; change it there and load it again.</source>
        <translation>Was die Werksdatei geladen hat; ändern Sie es dort und laden Sie sie erneut.</translation>
    </message>
    <message>
        <source>A badge locked after too many wrong PINs: choose it and unlock it, saying why.</source>
        <translation>Ein nach zu vielen falschen PINs gesperrter Ausweis: auswählen und mit Begründung entsperren.</translation>
    </message>
    <message>
        <source>Unlock badge…</source>
        <translation>Ausweis entsperren…</translation>
    </message>
</context>
<context>
    <name>SupervisorOrders</name>
    <message>
        <source>Search number, product, status</source>
        <translation>Nummer, Produkt, Status suchen</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>Nur verspätete</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Auftrag stornieren</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Auftrag abschließen</translation>
    </message>
    <message>
        <source>Print traveler…</source>
        <translation>Laufkarte drucken…</translation>
    </message>
    <message>
        <source>Preview the traveler of the selected order, then print it</source>
        <translation>Laufkarte des gewählten Auftrags in der Vorschau ansehen, dann drucken</translation>
    </message>
</context>
<context>
    <name>SupervisorQuality</name>
    <message>
        <source>Open nonconformances</source>
        <translation>Offene Abweichungen</translation>
    </message>
    <message>
        <source>Dispose…</source>
        <translation>Entscheiden…</translation>
    </message>
    <message>
        <source>Decide use as is, rework, scrap or return to supplier, signed with badge and PIN (quality)</source>
        <translation>Sonderfreigabe, Nacharbeit, Verschrotten oder Rücksendung an den Lieferanten entscheiden, unterschrieben mit Ausweis und PIN (Qualität)</translation>
    </message>
    <message>
        <source>Lots on hold</source>
        <translation>Gesperrte Chargen</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>Chargennummer</translation>
    </message>
    <message>
        <source>Hold lot…</source>
        <translation>Charge sperren…</translation>
    </message>
    <message>
        <source>Release lot…</source>
        <translation>Charge freigeben…</translation>
    </message>
</context>
<context>
    <name>SupervisorReports</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to (including)</source>
        <translation>bis (einschließlich)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>Choose a range and a scope, then Show. Select a row of the OEE table to see how each figure is made.</source>
        <translation>Wählen Sie Zeitraum und Bereich, dann Anzeigen. Wählen Sie eine Zeile der OEE-Tabelle, um zu sehen, wie jede Kennzahl entsteht.</translation>
    </message>
    <message>
        <source>OEE by station and shift</source>
        <translation>OEE nach Arbeitsplatz und Schicht</translation>
    </message>
    <message>
        <source>How the figures are made</source>
        <translation>Wie die Kennzahlen entstehen</translation>
    </message>
    <message>
        <source>Select a row.</source>
        <translation>Wählen Sie eine Zeile.</translation>
    </message>
    <message>
        <source>Downtime Pareto</source>
        <translation>Stillstands-Pareto</translation>
    </message>
    <message>
        <source>Scrap Pareto</source>
        <translation>Ausschuss-Pareto</translation>
    </message>
    <message>
        <source>SPC</source>
        <translation>SPC</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>site default</source>
        <translation>Werksvorgabe</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Untergruppe</translation>
    </message>
    <message>
        <source>1: individuals (I-MR); 2 to 8: X-bar/R; 9 to 25: X-bar/S</source>
        <translation>1: Einzelwerte (I-MR); 2 bis 8: X-quer/R; 9 bis 25: X-quer/S</translation>
    </message>
    <message>
        <source>Only the range and station above</source>
        <translation>Nur Zeitraum und Arbeitsplatz von oben</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Nelson rule violations</source>
        <translation>Verletzungen der Nelson-Regeln</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <source>Sign in to the supervisor console</source>
        <translation>An der Meisterkonsole anmelden</translation>
    </message>
    <message>
        <source>Scan your badge or type its number, then enter your PIN.</source>
        <translation>Scannen Sie Ihren Ausweis oder tippen Sie die Nummer ein, dann geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>SupervisorViewModel</name>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} gespeichert.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Bitte zuerst anmelden.</translation>
    </message>
    <message>
        <source>Saved for {station}.</source>
        <translation>Für {station} gespeichert.</translation>
    </message>
    <message>
        <source>{badge} signed in at {station}.</source>
        <translation>{badge} an {station} angemeldet.</translation>
    </message>
    <message>
        <source>{badge} signed out at {station}.</source>
        <translation>{badge} an {station} abgemeldet.</translation>
    </message>
    <message>
        <source>Signed in to the console.</source>
        <translation>An der Leitstandkonsole angemeldet.</translation>
    </message>
    <message>
        <source>The PIN of {badge} is changed.</source>
        <translation>Die PIN von {badge} ist geändert.</translation>
    </message>
    <message>
        <source>Badge {badge} is unlocked.</source>
        <translation>Ausweis {badge} ist entsperrt.</translation>
    </message>
    <message>
        <source>Work order {number} created.</source>
        <translation>Auftrag {number} angelegt.</translation>
    </message>
    <message>
        <source>Work order {number} changed.</source>
        <translation>Auftrag {number} geändert.</translation>
    </message>
    <message>
        <source>Work order {number} released to the floor.</source>
        <translation>Auftrag {number} für die Fertigung freigegeben.</translation>
    </message>
    <message>
        <source>Work order {number} is on hold.</source>
        <translation>Auftrag {number} ist angehalten.</translation>
    </message>
    <message>
        <source>Work order {number} cancelled.</source>
        <translation>Auftrag {number} storniert.</translation>
    </message>
    <message>
        <source>Work order {number} closed.</source>
        <translation>Auftrag {number} abgeschlossen.</translation>
    </message>
    <message>
        <source>Dispatch list of {station} reordered.</source>
        <translation>Arbeitsvorrat von {station} neu geordnet.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} assigned to {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} zugeteilt.</translation>
    </message>
    <message>
        <source>Joined {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} beigetreten.</translation>
    </message>
    <message>
        <source>Left {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} verlassen.</translation>
    </message>
    <message>
        <source>Count for {work_order} operation {operation} recorded.</source>
        <translation>Menge für {work_order} Arbeitsgang {operation} erfasst.</translation>
    </message>
    <message>
        <source>Count event {event_id} corrected to {good} good and {scrap} scrap.</source>
        <translation>Mengenereignis {event_id} auf {good} gut und {scrap} Ausschuss korrigiert.</translation>
    </message>
    <message>
        <source>Check {checklist} {item} recorded for {work_order}.</source>
        <translation>Prüfung {checklist} {item} für {work_order} erfasst.</translation>
    </message>
    <message>
        <source>Call for help from {station} sent.</source>
        <translation>Hilferuf von {station} gesendet.</translation>
    </message>
    <message>
        <source>Andon at {station} acknowledged.</source>
        <translation>Andon an {station} quittiert.</translation>
    </message>
    <message>
        <source>Conflict {conflict} discarded.</source>
        <translation>Konflikt {conflict} verworfen.</translation>
    </message>
    <message>
        <source>Conflict {conflict} applied.</source>
        <translation>Konflikt {conflict} angewendet.</translation>
    </message>
    <message>
        <source>Lot {lot} received.</source>
        <translation>Charge {lot} vereinnahmt.</translation>
    </message>
    <message>
        <source>Lot {lot} consumed into {work_order}.</source>
        <translation>Charge {lot} in {work_order} verbraucht.</translation>
    </message>
    <message>
        <source>Lot {lot} returned from {work_order}.</source>
        <translation>Charge {lot} aus {work_order} zurückgegeben.</translation>
    </message>
    <message>
        <source>Lot {lot} split.</source>
        <translation>Charge {lot} geteilt.</translation>
    </message>
    <message>
        <source>Lots merged into {into}.</source>
        <translation>Chargen in {into} zusammengeführt.</translation>
    </message>
    <message>
        <source>Lot {lot} is on hold.</source>
        <translation>Charge {lot} ist gesperrt.</translation>
    </message>
    <message>
        <source>Lot {lot} is released.</source>
        <translation>Charge {lot} ist freigegeben.</translation>
    </message>
    <message>
        <source>Lot {lot} scrapped.</source>
        <translation>Charge {lot} verschrottet.</translation>
    </message>
    <message>
        <source>Stop started at {station}.</source>
        <translation>Stillstand an {station} begonnen.</translation>
    </message>
    <message>
        <source>Stop at {station} ended.</source>
        <translation>Stillstand an {station} beendet.</translation>
    </message>
    <message>
        <source>Stop at {station} given its reason.</source>
        <translation>Stillstand an {station} mit Grund versehen.</translation>
    </message>
    <message>
        <source>Stop at {station} split in two.</source>
        <translation>Stillstand an {station} in zwei geteilt.</translation>
    </message>
    <message>
        <source>Machine state of {station} recorded.</source>
        <translation>Maschinenzustand von {station} erfasst.</translation>
    </message>
    <message>
        <source>Machine count of {station} recorded.</source>
        <translation>Maschinenzählung von {station} erfasst.</translation>
    </message>
    <message>
        <source>Machine connection of {station} recorded.</source>
        <translation>Maschinenverbindung von {station} erfasst.</translation>
    </message>
    <message>
        <source>Label of lot {lot} sent to the printer.</source>
        <translation>Etikett der Charge {lot} an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Traveler of {work_order} sent to the printer.</source>
        <translation>Laufkarte von {work_order} an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Print outcome recorded.</source>
        <translation>Druckergebnis erfasst.</translation>
    </message>
    <message>
        <source>Nonconformance raised.</source>
        <translation>Abweichung gemeldet.</translation>
    </message>
    <message>
        <source>Nonconformance {nonconformance} decided.</source>
        <translation>Über Abweichung {nonconformance} entschieden.</translation>
    </message>
    <message>
        <source>an eligible station</source>
        <translation>einen zulässigen Arbeitsplatz</translation>
    </message>
    <message>
        <source>Schedule published to the dispatch lists.</source>
        <translation>Plan in die Arbeitsvorräte übernommen.</translation>
    </message>
    <message>
        <source>Started {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} gestartet.</translation>
    </message>
    <message>
        <source>Paused {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} unterbrochen.</translation>
    </message>
    <message>
        <source>Resumed {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} fortgesetzt.</translation>
    </message>
    <message>
        <source>Completed {work_order} operation {operation} at {station}.</source>
        <translation>{work_order} Arbeitsgang {operation} an {station} abgeschlossen.</translation>
    </message>
    <message>
        <source>Instructions rev {revision} of {product} operation {operation} waits for approval.</source>
        <translation>Anweisung Rev. {revision} von {product} Arbeitsgang {operation} wartet auf Freigabe.</translation>
    </message>
    <message>
        <source>Instructions rev {revision} of {product} operation {operation} approved.</source>
        <translation>Anweisung Rev. {revision} von {product} Arbeitsgang {operation} freigegeben.</translation>
    </message>
    <message>
        <source>Instructions rev {revision} acknowledged at {station}.</source>
        <translation>Anweisung Rev. {revision} an {station} bestätigt.</translation>
    </message>
    <message>
        <source>{work_order} moved to the newest approved instructions.</source>
        <translation>{work_order} auf die neueste freigegebene Anweisung umgestellt.</translation>
    </message>
    <message>
        <source>Something went wrong; the details are in the log. Nothing you entered was lost.</source>
        <translation>Etwas ist schiefgegangen; die Einzelheiten stehen im Protokoll. Ihre Eingaben sind nicht verloren.</translation>
    </message>
    <message>
        <source>The database answers again.</source>
        <translation>Die Datenbank antwortet wieder.</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <source>MES Supervisor console</source>
        <translation>MES-Meisterkonsole</translation>
    </message>
    <message>
        <source>Supervisor console</source>
        <translation>Meisterkonsole</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Line status</source>
        <translation>Linienstatus</translation>
    </message>
    <message>
        <source>Work orders</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Arbeitsvorrat</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Feinplanung</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit-Trail</translation>
    </message>
    <message>
        <source>Master data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>Genealogy</source>
        <translation>Genealogie</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>ERP</source>
        <translation>ERP</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Database unreachable</source>
        <translation>Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>Calls for help: {count}</source>
        <translation>Hilferufe: {count}</translation>
    </message>
</context>
<context>
    <name>TerminalWindow</name>
    <message>
        <source>MES Terminal</source>
        <translation>MES-Terminal</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Mit der Kamera scannen</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Switch the language</source>
        <translation>Sprache wechseln</translation>
    </message>
    <message>
        <source>Scan a badge, a traveler or a lot label at any time; messages appear here.</source>
        <translation>Ausweis, Laufkarte oder Chargenetikett jederzeit scannen; Meldungen erscheinen hier.</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Abmelden?</translation>
    </message>
    <message>
        <source>{name} is signed in here. Sign out?</source>
        <translation>{name} ist hier angemeldet. Abmelden?</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Start the job?</source>
        <translation>Auftrag starten?</translation>
    </message>
    <message>
        <source>Start {work_order} operation {operation} ({name})?</source>
        <translation>{work_order} Arbeitsgang {operation} ({name}) starten?</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Sending ({count} left)</source>
        <translation>Sende ({count} übrig)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Online ({count} waiting)</source>
        <translation>Online ({count} wartend)</translation>
    </message>
    <message>
        <source>OFFLINE {minutes} min ({count} waiting)</source>
        <translation>OFFLINE {minutes} min ({count} wartend)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline ({count} waiting)</source>
        <translation>Offline ({count} wartend)</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Write a few words first, or tap one of the answers above.</source>
        <translation>Bitte ein paar Worte schreiben oder eine der Antworten oben tippen.</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Runs: {runs}, stops: {stops}</source>
        <translation>Läufe: {runs}, Stillstände: {stops}</translation>
    </message>
    <message>
        <source>No station selected</source>
        <translation>Kein Arbeitsplatz gewählt</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <source>Figure or input</source>
        <translation>Kennzahl oder Eingabe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Formula or source</source>
        <translation>Formel oder Quelle</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Stops by loss</source>
        <translation>Stillstände nach Verlustart</translation>
    </message>
    <message>
        <source>{n} stops</source>
        <translation>{n} Stillstände</translation>
    </message>
    <message>
        <source>Ideal time by operation</source>
        <translation>Idealzeit je Arbeitsgang</translation>
    </message>
    <message>
        <source>Shifts in the range</source>
        <translation>Schichten im Zeitraum</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>Whole plant</source>
        <translation>Ganzes Werk</translation>
    </message>
    <message>
        <source>Line {code}</source>
        <translation>Linie {code}</translation>
    </message>
</context>
</TS>
