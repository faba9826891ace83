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
        <source>Something went wrong. Nothing you entered is lost; try again, or call a supervisor.</source>
        <translation>Etwas ist schiefgegangen. Ihre Eingaben sind nicht verloren; versuchen Sie es erneut oder rufen Sie einen Meister.</translation>
    </message>
    <message>
        <source>Not sent: the database cannot be reached. What you entered is kept; tap Send again.</source>
        <translation>Nicht gesendet: Die Datenbank ist nicht erreichbar. Ihre Eingabe bleibt erhalten; tippen Sie auf Erneut senden.</translation>
    </message>
    <message>
        <source>The database is reachable again.</source>
        <translation>Die Datenbank ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>Sign in first: scan your badge.</source>
        <translation>Bitte zuerst anmelden: Ausweis scannen.</translation>
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
    <name>DispatchModel</name>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
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
        <source>Readiness</source>
        <translation>Bereitschaft</translation>
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
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
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
        <source>Arrives in a later version.</source>
        <translation>Kommt in einer späteren Version.</translation>
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
        <source>reason not given yet</source>
        <translation>Grund noch nicht angegeben</translation>
    </message>
    <message>
        <source>{count} jobs at this station</source>
        <translation>{count} Aufträge an dieser Station</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>{done} of {target}</source>
        <translation>{done} von {target}</translation>
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
        <source>Why does the station stop?</source>
        <translation>Warum steht die Station?</translation>
    </message>
    <message>
        <source>The job pauses and the station is down until you resume.</source>
        <translation>Der Auftrag pausiert und die Station steht, bis Sie fortsetzen.</translation>
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
        <source>Complete the job?</source>
        <translation>Auftrag abschließen?</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} {name}: {good} good and {scrap} scrap of {target}.</source>
        <translation>{work_order} Arbeitsgang {operation} {name}: {good} gut und {scrap} Ausschuss von {target}.</translation>
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
    <name>TerminalWindow</name>
    <message>
        <source>MES Terminal</source>
        <translation>MES-Terminal</translation>
    </message>
    <message>
        <source>Switch the language</source>
        <translation>Sprache wechseln</translation>
    </message>
    <message>
        <source>Nobody used the terminal for a while: everyone is signed out.</source>
        <translation>Das Terminal wurde länger nicht benutzt: Alle wurden abgemeldet.</translation>
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
        <source>Badge {badge} scanned: enter your PIN.</source>
        <translation>Ausweis {badge} gescannt: PIN eingeben.</translation>
    </message>
    <message>
        <source>{work_order} operation {operation} is not in this station&apos;s dispatch list.</source>
        <translation>{work_order} Arbeitsgang {operation} steht nicht im Arbeitsvorrat dieser Station.</translation>
    </message>
    <message>
        <source>Sign in first: scan your badge.</source>
        <translation>Bitte zuerst anmelden: Ausweis scannen.</translation>
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
        <source>Work order {work_order} has nothing to do at this station.</source>
        <translation>Auftrag {work_order} hat an dieser Station nichts zu tun.</translation>
    </message>
    <message>
        <source>Lot {lot} scanned: material booking arrives in a later version.</source>
        <translation>Charge {lot} gescannt: Materialbuchung kommt in einer späteren Version.</translation>
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
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
</TS>
