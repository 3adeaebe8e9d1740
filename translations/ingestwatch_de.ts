<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add &amp;local emulator profile</source>
        <translation>Profil für &amp;lokalen Emulator hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>prod westeurope</source>
        <translation>prod westeurope</translation>
    </message>
    <message>
        <source>&amp;Cluster or ingest URL:</source>
        <translation>&amp;Cluster- oder Ingest-URL:</translation>
    </message>
    <message>
        <source>https://mycluster.westeurope.kusto.windows.net</source>
        <translation>https://mycluster.westeurope.kusto.windows.net</translation>
    </message>
    <message>
        <source>Default &amp;database:</source>
        <translation>Standard-&amp;Datenbank:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>&amp;Sign-in:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>tenant id or domain (organizations when empty)</source>
        <translation>Mandanten-ID oder Domäne (leer: organizations)</translation>
    </message>
    <message>
        <source>C&amp;lient id:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <source>application (client) id</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client&amp;geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Authority:</source>
        <translation>A&amp;utorität:</translation>
    </message>
    <message>
        <source>https://login.microsoftonline.com</source>
        <translation>https://login.microsoftonline.com</translation>
    </message>
    <message>
        <source>Storage (status table and report queues)</source>
        <translation>Speicher (Statustabelle und Berichtswarteschlangen)</translation>
    </message>
    <message>
        <source>Disco&amp;vered through .get ingestion resources (re-read hourly)</source>
        <translation>Über .get ingestion resources er&amp;mittelt (stündlich neu gelesen)</translation>
    </message>
    <message>
        <source>Set by &amp;hand</source>
        <translation>&amp;Von Hand festgelegt</translation>
    </message>
    <message>
        <source>Status &amp;table URL:</source>
        <translation>URL der Status&amp;tabelle:</translation>
    </message>
    <message>
        <source>https://account.table.core.windows.net/ingestionsstatus?sv=...&amp;sig=...</source>
        <translation>https://account.table.core.windows.net/ingestionsstatus?sv=...&amp;sig=...</translation>
    </message>
    <message>
        <source>&amp;Failure queues:</source>
        <translation>&amp;Fehlerwarteschlangen:</translation>
    </message>
    <message>
        <source>one SAS URL per line</source>
        <translation>eine SAS-URL pro Zeile</translation>
    </message>
    <message>
        <source>S&amp;uccess queues:</source>
        <translation>E&amp;rfolgswarteschlangen:</translation>
    </message>
    <message>
        <source>Co&amp;nnection string:</source>
        <translation>Verbindungs&amp;zeichenfolge:</translation>
    </message>
    <message>
        <source>Use &amp;development storage (Azurite)</source>
        <translation>&amp;Entwicklungsspeicher verwenden (Azurite)</translation>
    </message>
    <message>
        <source>Status table &amp;name:</source>
        <translation>Name der Statustabelle:</translation>
    </message>
    <message>
        <source>ingestionsstatus</source>
        <translation>ingestionsstatus</translation>
    </message>
    <message>
        <source>Failure queue names:</source>
        <translation>Namen der Fehlerwarteschlangen:</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Success queue names:</source>
        <translation>Namen der Erfolgswarteschlangen:</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IngestWatch</source>
        <translation>IngestWatch</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Vorgänge</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ingestion statuses from the Azure status table appear here.</source>
        <translation>Hier erscheinen die Erfassungsstatus aus der Azure-Statustabelle.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Success and failure notifications from the report queues appear here.</source>
        <translation>Hier erscheinen die Erfolgs- und Fehlerbenachrichtigungen aus den Berichtswarteschlangen.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh every pane now (F5)</source>
        <translation>Alle Bereiche jetzt aktualisieren (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Track operations…</source>
        <translation>Vorgänge &amp;verfolgen…</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Track operations by id: paste them or import a file (Ctrl+T)</source>
        <translation>Vorgänge anhand ihrer ID verfolgen: einfügen oder aus einer Datei importieren (Strg+T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Submit ingestion…</source>
        <translation>Erfassung &amp;übermitteln…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Übermitteln</translation>
    </message>
    <message>
        <source>Submit a tracked queued ingestion from blob URLs</source>
        <translation>Eine verfolgte Erfassung über die Warteschlange aus Blob-URLs übermitteln</translation>
    </message>
    <message>
        <source>&amp;Cancel operation…</source>
        <translation>Vorgang a&amp;bbrechen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected operations after one confirmation (Del)</source>
        <translation>Die ausgewählten Vorgänge nach einer Rückfrage abbrechen (Entf)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About IngestWatch</source>
        <translation>Ü&amp;ber IngestWatch</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Exit codes:
  0  ok
  1  other error (service error, local file, archive, answered no)
  2  usage: unknown command or option, bad value, --yes needed
  3  sign-in refused or impossible (HTTP 401/403, token endpoint)
  4  network: unreachable, refused, timeout, throttled
  5  not found: operation id, status table, report queue, profile
</source>
        <translation>Exit-Codes:
  0  in Ordnung
  1  anderer Fehler (Dienstfehler, lokale Datei, Archiv, mit Nein beantwortet)
  2  Aufruf: unbekannter Befehl oder unbekannte Option, falscher Wert, --yes nötig
  3  Anmeldung abgelehnt oder unmöglich (HTTP 401/403, Token-Endpunkt)
  4  Netzwerk: nicht erreichbar, abgewiesen, Zeitüberschreitung, gedrosselt
  5  nicht gefunden: Vorgangs-ID, Statustabelle, Berichtswarteschlange, Profil
</translation>
    </message>
</context>
<context>
    <name>iw::CancelConfirmDialog</name>
    <message>
        <source>Cancel queued ingestion</source>
        <translation>Erfassung in der Warteschlange abbrechen</translation>
    </message>
    <message>
        <source>Cancel operation %1 on %2.%3? %4 blob(s) are pending.</source>
        <translation>Vorgang %1 auf %2.%3 abbrechen? %4 Blob(s) stehen noch aus.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n operation(s)? %1 blob(s) are pending in total.</source>
        <translation>
            <numerusform>%n Vorgang abbrechen? Insgesamt stehen %1 Blob(s) aus.</numerusform>
            <numerusform>%n Vorgänge abbrechen? Insgesamt stehen %1 Blob(s) aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>IngestionOperationId</source>
        <translation>IngestionOperationId</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Cancel is best effort: blobs already being ingested may still finish. The operation stays in view and keeps being watched.</source>
        <translation>Der Abbruch erfolgt nach bestem Bemühen: Blobs, die schon erfasst werden, können noch fertig werden. Der Vorgang bleibt sichtbar und wird weiter beobachtet.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n operation(s)</source>
        <translation>
            <numerusform>%n Vorgang abbrechen</numerusform>
            <numerusform>%n Vorgänge abbrechen</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>iw::ChartsView</name>
    <message>
        <source>Ingested</source>
        <translation>Ingested</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Operations (blobs)</source>
        <translation>Vorgänge (Blobs)</translation>
    </message>
    <message>
        <source>Blobs by state over time</source>
        <translation>Blobs nach State im Zeitverlauf</translation>
    </message>
    <message>
        <source>Failures by ErrorCode</source>
        <translation>Fehler nach ErrorCode</translation>
    </message>
    <message>
        <source>Failed blobs</source>
        <translation>Fehlgeschlagene Blobs</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(kein Code)</translation>
    </message>
    <message>
        <source>Failures by ErrorCode (none reported yet)</source>
        <translation>Fehler nach ErrorCode (noch keine gemeldet)</translation>
    </message>
</context>
<context>
    <name>iw::CliApp</name>
    <message>
        <source>Usage: ingestwatch [COMMAND] [OPTIONS]
Watch and steer Azure Data Explorer (Kusto) queued ingestion.
Without a command the window starts (window options: --local-backend FILE, --profile NAME,
--archive FILE, --track ID, --submit-demo, --stall-after SECONDS).

Commands:
  ops [ID...] [--json]      One refresh of the tracked operations (all, or the ids given):
                            state, database and table, counts, percent done, ETA.
  track ID...               Track operations (GUIDs); the window shows them too.
  cancel ID [--yes] [--json]
                            Cancel an operation once. Asks on a terminal; elsewhere --yes
                            is required. Prints the row the service returns.
  statuses [--status S] [--since T] [--json | --csv FILE]
                            The Azure status table, read in full once. S: Pending,
                            Succeeded, Failed, Queued, Skipped, PartiallySucceeded.
                            T: ISO 8601 time, or an age such as 90s, 15m, 2h, 7d.
  failures [--peek | --consume] [--csv FILE]
                            Failure notifications of the report queues. --peek (the
                            default) leaves them for others; --consume takes every message
                            of the report queues, each deleted only after it is committed
                            to the archive.
  watch [--interval S] [--until-done]
                            Live progress of the tracked operations, every S seconds
                            (default 5, at least 2); redraws on a terminal, one line per
                            change when piped. Ctrl+C ends it (exit code 0).

Options of every command:
  --profile NAME            The connection profile (default: the window&apos;s active one).
  --local-backend FILE      The local backend (Azurite + ingestwatch-sim) described by FILE,
                            as written by scripts/backend --env-file (also: IW_LOCAL_BACKEND).
  --archive FILE            The archive (default: the profile&apos;s, the one the window uses).
  --timeout SECONDS         Give up after SECONDS (default 120; exit code 4).
  -h, --help                This help.   -v, --version   The version.

Environment: INGESTWATCH_CLIENT_SECRET is the client secret for a client-credentials
sign-in to the local backend&apos;s token endpoint (never give secrets as arguments).

Data goes to stdout, errors to stderr. Blob URLs are shown without SAS signatures.
</source>
        <translation>Aufruf: ingestwatch [BEFEHL] [OPTIONEN]
Erfassung über die Warteschlange in Azure Data Explorer (Kusto) beobachten und steuern.
Ohne Befehl startet das Fenster (Fensteroptionen: --local-backend DATEI, --profile NAME,
--archive DATEI, --track ID, --submit-demo, --stall-after SEKUNDEN).

Befehle:
  ops [ID...] [--json]      Die verfolgten Vorgänge einmal aktualisieren (alle oder die angegebenen):
                            State, Datenbank und Tabelle, Zähler, Prozent fertig, Restzeit.
  track ID...               Vorgänge verfolgen (GUIDs); das Fenster zeigt sie ebenfalls.
  cancel ID [--yes] [--json]
                            Einen Vorgang einmal abbrechen. Fragt am Terminal nach; sonst ist
                            --yes nötig. Gibt die Zeile aus, die der Dienst zurückgibt.
  statuses [--status S] [--since T] [--json | --csv DATEI]
                            Die Azure-Statustabelle, einmal vollständig gelesen. S: Pending,
                            Succeeded, Failed, Queued, Skipped, PartiallySucceeded.
                            T: Zeit nach ISO 8601 oder ein Alter wie 90s, 15m, 2h, 7d.
  failures [--peek | --consume] [--csv DATEI]
                            Fehlerbenachrichtigungen der Berichtswarteschlangen. --peek (die
                            Vorgabe) lässt sie für andere liegen; --consume nimmt jede Nachricht
                            der Berichtswarteschlangen und löscht sie erst, nachdem sie im
                            Archiv gespeichert ist.
  watch [--interval S] [--until-done]
                            Live-Fortschritt der verfolgten Vorgänge alle S Sekunden
                            (Vorgabe 5, mindestens 2); zeichnet am Terminal neu, eine Zeile je
                            Änderung in einer Pipe. Strg+C beendet (Exit-Code 0).

Optionen aller Befehle:
  --profile NAME            Das Verbindungsprofil (Vorgabe: das aktive Profil des Fensters).
  --local-backend DATEI     Das lokale Backend (Azurite + ingestwatch-sim), beschrieben in DATEI,
                            wie von scripts/backend --env-file geschrieben (auch: IW_LOCAL_BACKEND).
  --archive DATEI           Das Archiv (Vorgabe: das des Profils, das auch das Fenster nutzt).
  --timeout SEKUNDEN        Nach SEKUNDEN aufgeben (Vorgabe 120; Exit-Code 4).
  -h, --help                Diese Hilfe.   -v, --version   Die Version.

Umgebung: INGESTWATCH_CLIENT_SECRET ist das Clientgeheimnis für eine Anmeldung mit
Client-Anmeldeinformationen am Token-Endpunkt des lokalen Backends (Geheimnisse nie als
Argumente angeben).

Daten gehen nach stdout, Fehler nach stderr. Blob-URLs erscheinen ohne SAS-Signaturen.
</translation>
    </message>
    <message>
        <source>no command given (see ingestwatch --help)</source>
        <translation>kein Befehl angegeben (siehe ingestwatch --help)</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: %2 (see ingestwatch --help)</source>
        <translation>unbekannter Befehl „%1“; die Befehle sind: %2 (siehe ingestwatch --help)</translation>
    </message>
    <message>
        <source>%1: %2 (see ingestwatch --help)</source>
        <translation>%1: %2 (siehe ingestwatch --help)</translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds above 0</source>
        <translation>--timeout erwartet eine Anzahl Sekunden größer als 0</translation>
    </message>
    <message>
        <source>%1 takes no arguments: %2</source>
        <translation>%1 nimmt keine Argumente: %2</translation>
    </message>
    <message>
        <source>not an operation id (&lt;token&gt;;&lt;token&gt;;&lt;GUID&gt; or a GUID): %1</source>
        <translation>keine Vorgangs-ID (&lt;token&gt;;&lt;token&gt;;&lt;GUID&gt; oder eine GUID): %1</translation>
    </message>
    <message>
        <source>track: give one or more operation ids</source>
        <translation>track: eine oder mehrere Vorgangs-IDs angeben</translation>
    </message>
    <message>
        <source>cancel: give exactly one operation id</source>
        <translation>cancel: genau eine Vorgangs-ID angeben</translation>
    </message>
    <message>
        <source>cancel: stdin is not a terminal, so nobody can answer the question: add --yes to cancel without asking</source>
        <translation>cancel: stdin ist kein Terminal, also kann niemand die Frage beantworten: --yes angeben, um ohne Rückfrage abzubrechen</translation>
    </message>
    <message>
        <source>--status: unknown status &apos;%1&apos; (Pending, Succeeded, Failed, Queued, Skipped, PartiallySucceeded)</source>
        <translation>--status: unbekannter Status „%1“ (Pending, Succeeded, Failed, Queued, Skipped, PartiallySucceeded)</translation>
    </message>
    <message>
        <source>--since: &apos;%1&apos; is neither an ISO 8601 time nor an age like 15m, 2h, 7d</source>
        <translation>--since: „%1“ ist weder eine Zeit nach ISO 8601 noch ein Alter wie 15m, 2h, 7d</translation>
    </message>
    <message>
        <source>--csv wants a file name</source>
        <translation>--csv erwartet einen Dateinamen</translation>
    </message>
    <message>
        <source>statuses: --json and --csv exclude each other</source>
        <translation>statuses: --json und --csv schließen einander aus</translation>
    </message>
    <message>
        <source>failures: --peek and --consume exclude each other</source>
        <translation>failures: --peek und --consume schließen einander aus</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds</source>
        <translation>--interval erwartet eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>no answer within %1 s (--timeout)</source>
        <translation>keine Antwort innerhalb von %1 s (--timeout)</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos; (the window&apos;s Connections list them)</source>
        <translation>kein Profil namens „%1“ (die Verbindungen des Fensters listen sie auf)</translation>
    </message>
    <message>
        <source>to sign in, open %1 and enter the code %2</source>
        <translation>zum Anmelden %1 öffnen und den Code %2 eingeben</translation>
    </message>
    <message>
        <source>to sign in, open %1</source>
        <translation>zum Anmelden %1 öffnen</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: no ingest endpoint to talk to</source>
        <translation>Profil „%1“: kein Ingest-Endpunkt zum Ansprechen</translation>
    </message>
    <message>
        <source>Reading the archive</source>
        <translation>Archiv wird gelesen</translation>
    </message>
    <message>
        <source>no tracked operations (add some with: ingestwatch track ID)</source>
        <translation>keine verfolgten Vorgänge (hinzufügen mit: ingestwatch track ID)</translation>
    </message>
    <message>
        <source>Refreshing the operations</source>
        <translation>Vorgänge werden aktualisiert</translation>
    </message>
    <message>
        <source>%1 is not tracked (ingestwatch track %1)</source>
        <translation>%1 wird nicht verfolgt (ingestwatch track %1)</translation>
    </message>
    <message>
        <source>%1: the service returned no such operation</source>
        <translation>%1: der Dienst hat keinen solchen Vorgang zurückgegeben</translation>
    </message>
    <message>
        <source>nothing tracked: the archive cannot be opened</source>
        <translation>nichts verfolgt: das Archiv lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Reading the tracked operations</source>
        <translation>Verfolgte Vorgänge werden gelesen</translation>
    </message>
    <message>
        <source>already tracked %1</source>
        <translation>bereits verfolgt %1</translation>
    </message>
    <message>
        <source>tracking %1</source>
        <translation>verfolge %1</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>Archiv wird geschrieben</translation>
    </message>
    <message>
        <source>Reading operation %1</source>
        <translation>Vorgang %1 wird gelesen</translation>
    </message>
    <message>
        <source>the service knows no operation %1</source>
        <translation>der Dienst kennt keinen Vorgang %1</translation>
    </message>
    <message>
        <source>%1 is already %2: nothing to cancel</source>
        <translation>%1 ist bereits %2: nichts abzubrechen</translation>
    </message>
    <message>
        <source>Cancel operation %1 on %2.%3, %4 pending? [y/N] </source>
        <translation>Vorgang %1 auf %2.%3 abbrechen, %4 ausstehend? [y/N] </translation>
    </message>
    <message>
        <source>not canceled</source>
        <translation>nicht abgebrochen</translation>
    </message>
    <message>
        <source>Canceling %1</source>
        <translation>%1 wird abgebrochen</translation>
    </message>
    <message>
        <source>cancel is best effort: blobs already being ingested may still finish</source>
        <translation>Abbruch nach bestem Bemühen: Blobs, die schon erfasst werden, können noch fertig werden</translation>
    </message>
    <message>
        <source>the canceled row was not archived: %1</source>
        <translation>die abgebrochene Zeile wurde nicht archiviert: %1</translation>
    </message>
    <message>
        <source>Reading .get ingestion resources</source>
        <translation>.get ingestion resources wird gelesen</translation>
    </message>
    <message>
        <source>the ingest endpoint lists no %1 in .get ingestion resources</source>
        <translation>der Ingest-Endpunkt nennt in .get ingestion resources kein %1</translation>
    </message>
    <message>
        <source>Reading the status table</source>
        <translation>Statustabelle wird gelesen</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 Zeilen nach %2 geschrieben</translation>
    </message>
    <message>
        <source>The status table URI</source>
        <translation>Die URI der Statustabelle</translation>
    </message>
    <message>
        <source>--consume needs the archive (messages are deleted only after they are committed to it)</source>
        <translation>--consume braucht das Archiv (Nachrichten werden erst gelöscht, wenn sie darin gespeichert sind)</translation>
    </message>
    <message>
        <source>Reading the report queues</source>
        <translation>Berichtswarteschlangen werden gelesen</translation>
    </message>
    <message>
        <source>more messages are waiting than one run takes: run failures --consume again</source>
        <translation>es warten mehr Nachrichten, als ein Lauf abholt: failures --consume erneut ausführen</translation>
    </message>
    <message>
        <source>%1 failures written to %2</source>
        <translation>%1 Fehler nach %2 geschrieben</translation>
    </message>
    <message>
        <source>%1 messages consumed: committed to the archive %2, then deleted from their queue</source>
        <translation>%1 Nachrichten entnommen: im Archiv %2 gespeichert, dann aus ihrer Warteschlange gelöscht</translation>
    </message>
    <message>
        <source>The report queue URIs</source>
        <translation>Die URIs der Berichtswarteschlangen</translation>
    </message>
    <message>
        <source>%1  refreshed every %2 s; Ctrl+C to quit</source>
        <translation>%1  alle %2 s aktualisiert; Strg+C zum Beenden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>iw::ConnectionDialog</name>
    <message>
        <source>Azure CLI (az login)</source>
        <translation>Azure CLI (az login)</translation>
    </message>
    <message>
        <source>Service principal (client secret)</source>
        <translation>Dienstprinzipal (Clientgeheimnis)</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Gerätecode</translation>
    </message>
    <message>
        <source>Browser (interactive)</source>
        <translation>Browser (interaktiv)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>SAS URLs</source>
        <translation>SAS-URLs</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>&amp;Use profile</source>
        <translation>Profil &amp;verwenden</translation>
    </message>
    <message>
        <source>No system keychain: secrets typed here are kept in memory for this session only.</source>
        <translation>Kein System-Schlüsselbund: hier eingegebene Geheimnisse bleiben nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <source>No secret store: secrets cannot be saved.</source>
        <translation>Kein Geheimnisspeicher: Geheimnisse können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>stored in the keychain (type to replace)</source>
        <translation>im Schlüsselbund gespeichert (zum Ersetzen eintippen)</translation>
    </message>
    <message>
        <source>Ingest endpoint: enter the cluster URL</source>
        <translation>Ingest-Endpunkt: Cluster-URL eingeben</translation>
    </message>
    <message>
        <source>Ingest endpoint: %1</source>
        <translation>Ingest-Endpunkt: %1</translation>
    </message>
    <message>
        <source>application (client) id</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>empty: Kusto&apos;s public client (%1)</source>
        <translation>leer: der öffentliche Client von Kusto (%1)</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>The cluster URL is not valid: use https://&lt;cluster&gt;.&lt;region&gt;.kusto.windows.net.</source>
        <translation>Die Cluster-URL ist ungültig: https://&lt;cluster&gt;.&lt;region&gt;.kusto.windows.net verwenden.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to this computer (127.0.0.1, localhost): use https.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer erlaubt (127.0.0.1, localhost): https verwenden.</translation>
    </message>
    <message>
        <source>A service principal needs a tenant and a client id.</source>
        <translation>Ein Dienstprinzipal braucht einen Mandanten und eine Client-ID.</translation>
    </message>
    <message>
        <source>A profile named %1 exists already.</source>
        <translation>Ein Profil namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>No secret store: the secrets cannot be saved.</source>
        <translation>Kein Geheimnisspeicher: die Geheimnisse können nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The profile is saved, but a secret could not be stored: %1</source>
        <translation>Das Profil ist gespeichert, aber ein Geheimnis konnte nicht abgelegt werden: %1</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the system keychain.</source>
        <translation>Gespeichert. Die Geheimnisse liegen im System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Neues Profil %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its secrets from the keychain?</source>
        <translation>Das Profil %1 und seine Geheimnisse aus dem Schlüsselbund entfernen?</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened (%1)…</source>
        <translation>Im geöffneten Browserfenster anmelden (%1)…</translation>
    </message>
    <message>
        <source>Every endpoint answered.</source>
        <translation>Alle Endpunkte haben geantwortet.</translation>
    </message>
    <message>
        <source>Some endpoints did not answer: see the reasons above.</source>
        <translation>Einige Endpunkte haben nicht geantwortet: Gründe siehe oben.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
</context>
<context>
    <name>iw::ConnectionTester</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation>Zeitüberschreitung: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>DNS: host not found (%1)</source>
        <translation>DNS: Host nicht gefunden (%1)</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>Unreachable: connection refused (%1)</source>
        <translation>Nicht erreichbar: Verbindung abgewiesen (%1)</translation>
    </message>
    <message>
        <source>Unreachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>401 Unauthorized: %1</source>
        <translation>401 Nicht autorisiert: %1</translation>
    </message>
    <message>
        <source>403 Forbidden: %1</source>
        <translation>403 Verboten: %1</translation>
    </message>
    <message>
        <source>404 Not found: %1</source>
        <translation>404 Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Sign-in: %1</source>
        <translation>Anmeldung: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>The endpoint URL is not valid.</source>
        <translation>Die Endpunkt-URL ist ungültig.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to this computer (loopback): use https.</source>
        <translation>Unverschlüsseltes http ist nur zu diesem Computer erlaubt (Loopback): https verwenden.</translation>
    </message>
    <message>
        <source>Management (.get ingestion resources)</source>
        <translation>Verwaltung (.get ingestion resources)</translation>
    </message>
    <message>
        <source>Status table</source>
        <translation>Statustabelle</translation>
    </message>
    <message>
        <source>Not checked: the storage is discovered through the management endpoint.</source>
        <translation>Nicht geprüft: der Speicher wird über den Verwaltungsendpunkt ermittelt.</translation>
    </message>
    <message numerus="yes">
        <source>OK: %n resource(s) in %1 ms</source>
        <translation>
            <numerusform>OK: %n Ressource in %1 ms</numerusform>
            <numerusform>OK: %n Ressourcen in %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>No secret store: the storage secrets cannot be read.</source>
        <translation>Kein Geheimnisspeicher: die Speichergeheimnisse können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No storage connection string stored: %1</source>
        <translation>Keine Speicher-Verbindungszeichenfolge gespeichert: %1</translation>
    </message>
    <message>
        <source>No status table: none was returned or configured.</source>
        <translation>Keine Statustabelle: keine wurde zurückgegeben oder eingerichtet.</translation>
    </message>
    <message>
        <source>Report queues</source>
        <translation>Berichtswarteschlangen</translation>
    </message>
    <message>
        <source>No report queue: none was returned or configured.</source>
        <translation>Keine Berichtswarteschlange: keine wurde zurückgegeben oder eingerichtet.</translation>
    </message>
    <message>
        <source>Failure queue %1</source>
        <translation>Fehlerwarteschlange %1</translation>
    </message>
    <message>
        <source>Success queue %1</source>
        <translation>Erfolgswarteschlange %1</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation>Die Verbindungszeichenfolge ist ungültig: %1</translation>
    </message>
    <message>
        <source>No status table name is set.</source>
        <translation>Kein Name für die Statustabelle festgelegt.</translation>
    </message>
    <message>
        <source>No report queue name is set.</source>
        <translation>Kein Name für eine Berichtswarteschlange festgelegt.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to loopback: use https.</source>
        <translation>Unverschlüsseltes http ist nur zum Loopback erlaubt: https verwenden.</translation>
    </message>
    <message numerus="yes">
        <source>OK: read %n row(s) in %1 ms</source>
        <translation>
            <numerusform>OK: %n Zeile in %1 ms gelesen</numerusform>
            <numerusform>OK: %n Zeilen in %1 ms gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: peeked %n message(s) in %1 ms</source>
        <translation>
            <numerusform>OK: %n Nachricht in %1 ms eingesehen</numerusform>
            <numerusform>OK: %n Nachrichten in %1 ms eingesehen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::ConnectionsController</name>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Profiles, sign-in and storage; test each endpoint</source>
        <translation>Profile, Anmeldung und Speicher; jeden Endpunkt testen</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>%1 is now the active profile: it is used from the next start.</source>
        <translation>%1 ist jetzt das aktive Profil: es wird ab dem nächsten Start verwendet.</translation>
    </message>
</context>
<context>
    <name>iw::CsvWorker</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing the file failed: %1</source>
        <translation>Das Schreiben der Datei ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot save the file: %1</source>
        <translation>Die Datei kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>iw::DeviceCodeDialog</name>
    <message>
        <source>Sign in with a device code</source>
        <translation>Mit einem Gerätecode anmelden</translation>
    </message>
    <message>
        <source>Open the page below in a browser (on any device), enter the code and sign in.</source>
        <translation>Die Seite unten in einem Browser öffnen (auf einem beliebigen Gerät), den Code eingeben und anmelden.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Copy &amp;code</source>
        <translation>&amp;Code kopieren</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <source>Copy &amp;URL</source>
        <translation>&amp;URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Open browser</source>
        <translation>Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The code has expired. Waiting for the sign-in service to confirm…</source>
        <translation>Der Code ist abgelaufen. Warte auf die Bestätigung des Anmeldedienstes…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in… the code expires in %1:%2.</source>
        <translation>Warte auf Ihre Anmeldung… der Code läuft in %1:%2 ab.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>The sign-in did not complete.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>iw::ExportDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) shown</source>
        <translation>
            <numerusform>Die %n angezeigte Zeile</numerusform>
            <numerusform>Alle %n angezeigten Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected row(s)</source>
        <translation>
            <numerusform>Die %n ausgewählte Zeile</numerusform>
            <numerusform>Die %n ausgewählten Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Byte order mark (for Excel)</source>
        <translation>Byte Order Mark (für Excel)</translation>
    </message>
    <message>
        <source>Include SAS secrets unredacted</source>
        <translation>SAS-Geheimnisse ungeschwärzt einschließen</translation>
    </message>
    <message>
        <source>Off by default: sig= and keys are replaced so the file can be shared.</source>
        <translation>Standardmäßig aus: sig= und Schlüssel werden ersetzt, damit die Datei weitergegeben werden kann.</translation>
    </message>
    <message>
        <source>Include secrets?</source>
        <translation>Geheimnisse einschließen?</translation>
    </message>
    <message>
        <source>The file will contain SAS signatures that grant access to storage. Anyone who reads the file can use them. Include them?</source>
        <translation>Die Datei wird SAS-Signaturen enthalten, die Zugriff auf den Speicher gewähren. Jeder, der die Datei liest, kann sie verwenden. Einschließen?</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Nothing was written to %1: %2</source>
        <translation>Nach %1 wurde nichts geschrieben: %2</translation>
    </message>
</context>
<context>
    <name>iw::FailureGroupModel</name>
    <message>
        <source>(no ErrorCode)</source>
        <translation>(kein ErrorCode)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Mixed (%1 of %2)</source>
        <translation>Gemischt (%1 von %2)</translation>
    </message>
    <message>
        <source>%1 of %2 failures are transient, exhausted or marked ShouldRetry: retrying them as is may succeed.</source>
        <translation>%1 von %2 Fehlern sind vorübergehend, ausgeschöpft oder mit ShouldRetry markiert: sie unverändert erneut zu versuchen kann gelingen.</translation>
    </message>
    <message>
        <source>ErrorCode</source>
        <translation>ErrorCode</translation>
    </message>
    <message>
        <source>Database.Table</source>
        <translation>Database.Table</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Retry can help</source>
        <translation>Wiederholen kann helfen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>Fehlercodes</translation>
    </message>
    <message>
        <source>Sample details</source>
        <translation>Beispieldetails</translation>
    </message>
</context>
<context>
    <name>iw::FallbackSecretStore</name>
    <message>
        <source>The system keychain cannot be reached (%1). Secrets are kept in memory for this session only and will have to be entered again after a restart.</source>
        <translation>Der System-Schlüsselbund ist nicht erreichbar (%1). Geheimnisse bleiben nur für diese Sitzung im Speicher und müssen nach einem Neustart erneut eingegeben werden.</translation>
    </message>
</context>
<context>
    <name>iw::IngestionStatusModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Queued is a permanent status: this ingestion was submitted without status-table reporting (ReportMethod Queue), so the service will never update this row. Its outcome, if failures are reported, arrives in the notification queues; to track it here, ingest with ReportMethod Table or QueueAndTable.</source>
        <translation>Queued ist ein dauerhafter Status: diese Erfassung wurde ohne Meldung in die Statustabelle übermittelt (ReportMethod Queue), daher aktualisiert der Dienst diese Zeile nie. Ihr Ergebnis kommt, falls Fehler gemeldet werden, in den Benachrichtigungswarteschlangen an; um sie hier zu verfolgen, mit ReportMethod Table oder QueueAndTable erfassen.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>transient: a retry may succeed</source>
        <translation>vorübergehend: ein erneuter Versuch kann gelingen</translation>
    </message>
    <message>
        <source>permanent: the same ingestion will fail again as is</source>
        <translation>dauerhaft: dieselbe Erfassung schlägt unverändert wieder fehl</translation>
    </message>
    <message>
        <source>not a code this version knows; see FailureStatus</source>
        <translation>kein dieser Version bekannter Code; siehe FailureStatus</translation>
    </message>
    <message>
        <source>%1
Category: %2 (%3)
%4</source>
        <translation>%1
Kategorie: %2 (%3)
%4</translation>
    </message>
    <message>
        <source>Pending for %1 (threshold %2 min). The service has not reported an outcome yet; check the operation and the failure notifications.</source>
        <translation>Seit %1 Pending (Schwelle %2 min). Der Dienst hat noch kein Ergebnis gemeldet; den Vorgang und die Fehlerbenachrichtigungen prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending: the only temporary status; the service updates this row when it finishes.</source>
        <translation>Pending: der einzige vorläufige Status; der Dienst aktualisiert diese Zeile, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>Permanent: no retry will be executed.</source>
        <translation>Dauerhaft: es wird kein erneuter Versuch unternommen.</translation>
    </message>
    <message>
        <source>Transient: the service will retry.</source>
        <translation>Vorübergehend: der Dienst versucht es erneut.</translation>
    </message>
    <message>
        <source>Exhausted: several retries also failed.</source>
        <translation>Ausgeschöpft: auch mehrere Wiederholungen sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>IngestionSourceId</source>
        <translation>IngestionSourceId</translation>
    </message>
    <message>
        <source>IngestionSourcePath</source>
        <translation>IngestionSourcePath</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>UpdatedOn</source>
        <translation>UpdatedOn</translation>
    </message>
    <message>
        <source>OperationId</source>
        <translation>OperationId</translation>
    </message>
    <message>
        <source>ActivityId</source>
        <translation>ActivityId</translation>
    </message>
    <message>
        <source>ErrorCode</source>
        <translation>ErrorCode</translation>
    </message>
    <message>
        <source>FailureStatus</source>
        <translation>FailureStatus</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>OriginatesFromUpdatePolicy</source>
        <translation>OriginatesFromUpdatePolicy</translation>
    </message>
</context>
<context>
    <name>iw::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>IngestWatch will use the new language the next time it starts.</source>
        <translation>IngestWatch verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>iw::MainWindow</name>
    <message>
        <source> Auto-refresh: </source>
        <translation> Automatisch aktualisieren: </translation>
    </message>
    <message>
        <source>How often every pane is refreshed (at least every %1 s)</source>
        <translation>Wie oft alle Bereiche aktualisiert werden (höchstens alle %1 s)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Export operations to CSV…</source>
        <translation>Vorgänge als CSV exportieren…</translation>
    </message>
    <message>
        <source>IngestWatch — %1</source>
        <translation>IngestWatch — %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n operation(s) stalled</source>
        <translation>
            <numerusform>⚠ %n Vorgang stockt</numerusform>
            <numerusform>⚠ %n Vorgänge stocken</numerusform>
        </translation>
    </message>
    <message>
        <source>ⓘ</source>
        <translation>ⓘ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (failed)</source>
        <translation>%1: %2 (fehlgeschlagen)</translation>
    </message>
    <message>
        <source>Refreshed — %1</source>
        <translation>Aktualisiert — %1</translation>
    </message>
    <message>
        <source>Last error (%1, %2): %3</source>
        <translation>Letzter Fehler (%1, %2): %3</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Anfragen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tracking %n more operation(s).</source>
        <translation>
            <numerusform>%n weiterer Vorgang wird verfolgt.</numerusform>
            <numerusform>%n weitere Vorgänge werden verfolgt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n blob(s) into %1.%2: tracking %3.</source>
        <translation>
            <numerusform>%n Blob an %1.%2 übermittelt: %3 wird verfolgt.</numerusform>
            <numerusform>%n Blobs an %1.%2 übermittelt: %3 wird verfolgt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit failed: %1</source>
        <translation>Übermitteln fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>About IngestWatch</source>
        <translation>Über IngestWatch</translation>
    </message>
    <message>
        <source>&lt;b&gt;IngestWatch %1&lt;/b&gt;&lt;p&gt;Watch and steer Azure Data Explorer (Kusto) queued ingestion.&lt;/p&gt;</source>
        <translation>&lt;b&gt;IngestWatch %1&lt;/b&gt;&lt;p&gt;Erfassung über die Warteschlange in Azure Data Explorer (Kusto) beobachten und steuern.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>iw::NotificationModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>This message did not parse: %1

Raw text:
%2</source>
        <translation>Diese Nachricht ließ sich nicht lesen: %1

Rohtext:
%2</translation>
    </message>
    <message>
        <source>%1
Category: %2
%3</source>
        <translation>%1
Kategorie: %2
%3</translation>
    </message>
    <message>
        <source>Whether the ingestion could succeed if retried as is.</source>
        <translation>Ob die Erfassung bei unveränderter Wiederholung gelingen könnte.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>FailedOn / SucceededOn</source>
        <translation>FailedOn / SucceededOn</translation>
    </message>
    <message>
        <source>OperationId</source>
        <translation>OperationId</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>IngestionSourceId</source>
        <translation>IngestionSourceId</translation>
    </message>
    <message>
        <source>IngestionSourcePath</source>
        <translation>IngestionSourcePath</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>ErrorCode</source>
        <translation>ErrorCode</translation>
    </message>
    <message>
        <source>FailureStatus</source>
        <translation>FailureStatus</translation>
    </message>
    <message>
        <source>RootActivityId</source>
        <translation>RootActivityId</translation>
    </message>
    <message>
        <source>OriginatesFromUpdatePolicy</source>
        <translation>OriginatesFromUpdatePolicy</translation>
    </message>
    <message>
        <source>ShouldRetry</source>
        <translation>ShouldRetry</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>MessageId</source>
        <translation>MessageId</translation>
    </message>
    <message>
        <source>InsertionTime</source>
        <translation>InsertionTime</translation>
    </message>
    <message>
        <source>DequeueCount</source>
        <translation>DequeueCount</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>Rohtext</translation>
    </message>
</context>
<context>
    <name>iw::NotificationMonitor</name>
    <message>
        <source>The URL names no queue: %1</source>
        <translation>Die URL nennt keine Warteschlange: %1</translation>
    </message>
    <message>
        <source>Counting the messages of queue %1</source>
        <translation>Nachrichten der Warteschlange %1 werden gezählt</translation>
    </message>
    <message>
        <source>Archiving the messages of queue %1</source>
        <translation>Nachrichten der Warteschlange %1 werden archiviert</translation>
    </message>
    <message>
        <source>Peeking queue %1</source>
        <translation>Warteschlange %1 wird eingesehen</translation>
    </message>
    <message>
        <source>Receiving from queue %1</source>
        <translation>Empfang aus Warteschlange %1</translation>
    </message>
    <message>
        <source>Archiving consumed messages of queue %1 (they stay in the queue)</source>
        <translation>Entnommene Nachrichten der Warteschlange %1 werden archiviert (sie bleiben in der Warteschlange)</translation>
    </message>
    <message>
        <source>Deleting a consumed message from queue %1</source>
        <translation>Eine entnommene Nachricht wird aus Warteschlange %1 gelöscht</translation>
    </message>
    <message>
        <source>Reading the notification history from the archive</source>
        <translation>Benachrichtigungsverlauf wird aus dem Archiv gelesen</translation>
    </message>
</context>
<context>
    <name>iw::NotificationsPane</name>
    <message>
        <source>Consume takes the messages out of the report queues: they are received, saved in this dashboard&apos;s archive and then DELETED from the queue.

These queues are shared by every client of this cluster. Any other tool or SDK reading them will no longer see the messages this dashboard takes.

Make this dashboard the consumer of the report queues?</source>
        <translation>„Entnehmen“ nimmt die Nachrichten aus den Berichtswarteschlangen: sie werden empfangen, im Archiv dieses Dashboards gespeichert und dann aus der Warteschlange GELÖSCHT.

Diese Warteschlangen teilen sich alle Clients dieses Clusters. Jedes andere Werkzeug oder SDK, das sie liest, sieht die Nachrichten, die dieses Dashboard nimmt, nicht mehr.

Dieses Dashboard zum Abnehmer der Berichtswarteschlangen machen?</translation>
    </message>
    <message>
        <source>Peek</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <source>Non-destructive: the messages stay in the queues for every other client.</source>
        <translation>Zerstörungsfrei: die Nachrichten bleiben für alle anderen Clients in den Warteschlangen.</translation>
    </message>
    <message>
        <source>Consume</source>
        <translation>Entnehmen</translation>
    </message>
    <message>
        <source>Receive, archive, then delete the messages (asks first).</source>
        <translation>Nachrichten empfangen, archivieren, dann löschen (fragt vorher).</translation>
    </message>
    <message>
        <source>No report queues</source>
        <translation>Keine Berichtswarteschlangen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Peek only sees the head of each queue: up to 32 visible messages per queue per refresh. The counts are approximate (they include invisible and expired messages).</source>
        <translation>„Ansehen“ sieht nur den Anfang jeder Warteschlange: bis zu 32 sichtbare Nachrichten je Warteschlange und Aktualisierung. Die Zahlen sind ungefähr (sie enthalten unsichtbare und abgelaufene Nachrichten).</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Search every field</source>
        <translation>Alle Felder durchsuchen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>By ErrorCode</source>
        <translation>Nach ErrorCode</translation>
    </message>
    <message>
        <source>By Database/Table</source>
        <translation>Nach Datenbank/Tabelle</translation>
    </message>
    <message>
        <source>Failures grouped</source>
        <translation>Fehler gruppiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) archived and deleted from the queues.</source>
        <translation>
            <numerusform>%n Nachricht archiviert und aus den Warteschlangen gelöscht.</numerusform>
            <numerusform>%n Nachrichten archiviert und aus den Warteschlangen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consuming needs a writable archive, and this session has none.</source>
        <translation>Zum Entnehmen braucht es ein beschreibbares Archiv, und diese Sitzung hat keines.</translation>
    </message>
    <message>
        <source>Consume the report queues?</source>
        <translation>Berichtswarteschlangen entnehmen?</translation>
    </message>
    <message>
        <source>Consuming: messages are received, archived, then deleted from the shared queues. History stays visible from the archive.</source>
        <translation>Entnehmen: Nachrichten werden empfangen, archiviert und dann aus den gemeinsamen Warteschlangen gelöscht. Der Verlauf bleibt aus dem Archiv sichtbar.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>%1/%2 (%3): approximately %4 message(s), %5 read last time%6</source>
        <translation>%1/%2 (%3): ungefähr %4 Nachricht(en), %5 beim letzten Mal gelesen%6</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>successes</source>
        <translation>Erfolge</translation>
    </message>
    <message>
        <source>; error: %1</source>
        <translation>; Fehler: %1</translation>
    </message>
</context>
<context>
    <name>iw::OperationModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n T</numerusform>
            <numerusform>%n T</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 (stalled)</source>
        <translation>%1 (stockt)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>A cancel request for this operation is in flight.</source>
        <translation>Eine Abbruchanfrage für diesen Vorgang ist unterwegs.</translation>
    </message>
    <message>
        <source>Stalled: no blob has completed since %1 (threshold %2).</source>
        <translation>Stockt: seit %1 ist kein Blob fertig geworden (Schwelle %2).</translation>
    </message>
    <message>
        <source>Pending blobs divided by the throughput of the last %1.</source>
        <translation>Ausstehende Blobs geteilt durch den Durchsatz der letzten %1.</translation>
    </message>
    <message>
        <source>IngestionOperationId</source>
        <translation>IngestionOperationId</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>Discovered</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Ingested</source>
        <translation>Ingested</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>StartedOn</source>
        <translation>StartedOn</translation>
    </message>
    <message>
        <source>LastUpdatedOn</source>
        <translation>LastUpdatedOn</translation>
    </message>
    <message>
        <source>SampleFailedReasons</source>
        <translation>SampleFailedReasons</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>(Ingested + Failed + Canceled) / Discovered</source>
        <translation>(Ingested + Failed + Canceled) / Discovered</translation>
    </message>
    <message>
        <source>Blobs still to be ingested</source>
        <translation>Noch zu erfassende Blobs</translation>
    </message>
    <message>
        <source>Blobs that failed permanently</source>
        <translation>Endgültig fehlgeschlagene Blobs</translation>
    </message>
    <message>
        <source>Blobs completed per minute over the last %1</source>
        <translation>Fertige Blobs pro Minute in den letzten %1</translation>
    </message>
    <message>
        <source>Estimated time until no blob is pending, at the current throughput</source>
        <translation>Geschätzte Zeit, bis kein Blob mehr aussteht, beim aktuellen Durchsatz</translation>
    </message>
</context>
<context>
    <name>iw::OperationMonitor</name>
    <message>
        <source>Reading the tracked operations</source>
        <translation>Verfolgte Vorgänge werden gelesen</translation>
    </message>
    <message>
        <source>Reading the snapshot history</source>
        <translation>Verlauf der Momentaufnahmen wird gelesen</translation>
    </message>
    <message>
        <source>Refreshing the operations</source>
        <translation>Vorgänge werden aktualisiert</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>Archiv wird geschrieben</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>%1 wird abgebrochen</translation>
    </message>
    <message>
        <source>No ingest endpoint is connected.</source>
        <translation>Kein Ingest-Endpunkt ist verbunden.</translation>
    </message>
    <message>
        <source>Submitting an ingestion</source>
        <translation>Erfassung wird übermittelt</translation>
    </message>
</context>
<context>
    <name>iw::OperationsPane</name>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Search ids, tables, failure reasons…</source>
        <translation>IDs, Tabellen, Fehlergründe durchsuchen…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Select an operation to see its blobs.</source>
        <translation>Einen Vorgang auswählen, um seine Blobs zu sehen.</translation>
    </message>
    <message>
        <source>BlobURL</source>
        <translation>BlobURL</translation>
    </message>
    <message>
        <source>IngestionStatus</source>
        <translation>IngestionStatus</translation>
    </message>
    <message>
        <source>StartedAt</source>
        <translation>StartedAt</translation>
    </message>
    <message>
        <source>CompletedAt</source>
        <translation>CompletedAt</translation>
    </message>
    <message>
        <source>FailedReasons</source>
        <translation>FailedReasons</translation>
    </message>
    <message numerus="yes">
        <source>Cancel of %1 accepted: State %2. %n blob(s) were already in flight and may still be ingested; the operation stays watched.</source>
        <translation>
            <numerusform>Abbruch von %1 angenommen: State %2. %n Blob war schon unterwegs und kann noch erfasst werden; der Vorgang wird weiter beobachtet.</numerusform>
            <numerusform>Abbruch von %1 angenommen: State %2. %n Blobs waren schon unterwegs und können noch erfasst werden; der Vorgang wird weiter beobachtet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel of %1 accepted: State %2, %3 blob(s) canceled.</source>
        <translation>Abbruch von %1 angenommen: State %2, %3 Blob(s) abgebrochen.</translation>
    </message>
    <message>
        <source>Cancel of %1 failed: %2</source>
        <translation>Abbruch von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Nothing to cancel: the selected operations are finished or already being canceled.</source>
        <translation>Nichts abzubrechen: die ausgewählten Vorgänge sind beendet oder werden bereits abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel sent for %n operation(s)…</source>
        <translation>
            <numerusform>Abbruch für %n Vorgang gesendet…</numerusform>
            <numerusform>Abbruch für %n Vorgänge gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Blob details unavailable: %1</source>
        <translation>Blob-Details nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2.%3 — %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2.%3 — %4</translation>
    </message>
    <message>
        <source>%1 of %2 blobs done (%3 ingested, %4 failed, %5 canceled), %6 pending</source>
        <translation>%1 von %2 Blobs fertig (%3 erfasst, %4 fehlgeschlagen, %5 abgebrochen), %6 ausstehend</translation>
    </message>
    <message>
        <source>%1 blobs/min</source>
        <translation>%1 Blobs/min</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>stockt</translation>
    </message>
    <message>
        <source>cancel in flight</source>
        <translation>Abbruch unterwegs</translation>
    </message>
    <message>
        <source>SampleFailedReasons: %1</source>
        <translation>SampleFailedReasons: %1</translation>
    </message>
    <message>
        <source>Cancel operation…</source>
        <translation>Vorgang abbrechen…</translation>
    </message>
    <message>
        <source>Copy operation id</source>
        <translation>Vorgangs-ID kopieren</translation>
    </message>
    <message>
        <source>Stop tracking</source>
        <translation>Nicht mehr verfolgen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel accepted for %n operation(s): %1 blob(s) canceled.</source>
        <translation>
            <numerusform>Abbruch für %n Vorgang angenommen: %1 Blob(s) abgebrochen.</numerusform>
            <numerusform>Abbruch für %n Vorgänge angenommen: %1 Blob(s) abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s) were already in flight and may still be ingested; the operations stay watched.</source>
        <translation>
            <numerusform>%n Blob war schon unterwegs und kann noch erfasst werden; die Vorgänge werden weiter beobachtet.</numerusform>
            <numerusform>%n Blobs waren schon unterwegs und können noch erfasst werden; die Vorgänge werden weiter beobachtet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel failed for %n operation(s), the last (%1): %2</source>
        <translation>
            <numerusform>Abbruch für %n Vorgang fehlgeschlagen, zuletzt (%1): %2</numerusform>
            <numerusform>Abbruch für %n Vorgänge fehlgeschlagen, zuletzt (%1): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancel(s) still waiting for an answer.</source>
        <translation>
            <numerusform>%n Abbruch wartet noch auf Antwort.</numerusform>
            <numerusform>%n Abbrüche warten noch auf Antwort.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::ProfileStore</name>
    <message>
        <source>Local emulator</source>
        <translation>Lokaler Emulator</translation>
    </message>
</context>
<context>
    <name>iw::ProfileTokenProvider</name>
    <message>
        <source>Cannot read the endpoint&apos;s sign-in metadata: %1</source>
        <translation>Die Anmelde-Metadaten des Endpunkts können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Profile %1 has no sign-in method: choose one in Connections.</source>
        <translation>Profil %1 hat keine Anmeldemethode: unter Verbindungen eine wählen.</translation>
    </message>
    <message>
        <source>Profile %1 needs a tenant and a client id for the service principal sign-in.</source>
        <translation>Profil %1 braucht für die Anmeldung als Dienstprinzipal einen Mandanten und eine Client-ID.</translation>
    </message>
    <message>
        <source>No client secret is stored for profile %1: enter it in Connections.</source>
        <translation>Für Profil %1 ist kein Clientgeheimnis gespeichert: unter Verbindungen eingeben.</translation>
    </message>
    <message>
        <source>Cannot read the client secret from the keychain: %1</source>
        <translation>Das Clientgeheimnis kann nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>iw::ProgressBarDelegate</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>iw::Session</name>
    <message>
        <source>The archive cannot be opened (%1): nothing is saved in this session.</source>
        <translation>Das Archiv lässt sich nicht öffnen (%1): in dieser Sitzung wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <source>Profile %1 has no sign-in method: operations are read from the archive only.</source>
        <translation>Profil %1 hat keine Anmeldemethode: Vorgänge werden nur aus dem Archiv gelesen.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 names no ingest endpoint URL.</source>
        <translation>%1 nennt keine URL eines Ingest-Endpunkts.</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>The %1 of profile %2 cannot be read from the keychain (%3): enter it in Connections.</source>
        <translation>%1 des Profils %2 lässt sich nicht aus dem Schlüsselbund lesen (%3): unter Verbindungen eingeben.</translation>
    </message>
    <message>
        <source>Manual storage</source>
        <translation>Manueller Speicher</translation>
    </message>
    <message>
        <source>No secret store: the storage secrets cannot be read.</source>
        <translation>Kein Geheimnisspeicher: die Speichergeheimnisse können nicht gelesen werden.</translation>
    </message>
    <message>
        <source>storage connection string</source>
        <translation>Speicher-Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>The status table</source>
        <translation>Die Statustabelle</translation>
    </message>
    <message>
        <source>The report queues</source>
        <translation>Die Berichtswarteschlangen</translation>
    </message>
    <message>
        <source>The status table URI</source>
        <translation>Die URI der Statustabelle</translation>
    </message>
    <message>
        <source>The report queue URIs</source>
        <translation>Die URIs der Berichtswarteschlangen</translation>
    </message>
    <message>
        <source>Reading .get ingestion resources</source>
        <translation>.get ingestion resources wird gelesen</translation>
    </message>
</context>
<context>
    <name>iw::StateIconDelegate</name>
    <message>
        <source>%1 (stalled)</source>
        <translation>%1 (stockt)</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>iw::StatusMonitor</name>
    <message>
        <source>The URL names no table: %1</source>
        <translation>Die URL nennt keine Tabelle: %1</translation>
    </message>
    <message>
        <source>Name the status table.</source>
        <translation>Die Statustabelle benennen.</translation>
    </message>
    <message>
        <source>No status table</source>
        <translation>Keine Statustabelle</translation>
    </message>
    <message>
        <source>The refresh failed.</source>
        <translation>Die Aktualisierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Reading the status table %1</source>
        <translation>Statustabelle %1 wird gelesen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Unknown: loading the status table…</source>
        <translation>Unbekannt: Statustabelle wird geladen…</translation>
    </message>
    <message>
        <source>Unknown: not read yet</source>
        <translation>Unbekannt: noch nicht gelesen</translation>
    </message>
    <message>
        <source>Partial: %1 rows so far, still loading</source>
        <translation>Teilweise: bisher %1 Zeilen, wird noch geladen</translation>
    </message>
    <message>
        <source>Partial: %1 rows (the first load did not finish)</source>
        <translation>Teilweise: %1 Zeilen (das erste Laden wurde nicht fertig)</translation>
    </message>
    <message>
        <source>Complete: %1 rows</source>
        <translation>Vollständig: %1 Zeilen</translation>
    </message>
</context>
<context>
    <name>iw::StatusesPane</name>
    <message>
        <source>From .get ingestion resources, or a status table SAS URL, or a storage connection string</source>
        <translation>Aus .get ingestion resources, einer SAS-URL der Statustabelle oder einer Speicher-Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>Table (with a connection string)</source>
        <translation>Tabelle (mit Verbindungszeichenfolge)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Unknown: no status table</source>
        <translation>Unbekannt: keine Statustabelle</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All databases</source>
        <translation>Alle Datenbanken</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Search source id, path, details</source>
        <translation>Quell-ID, Pfad, Details durchsuchen</translation>
    </message>
    <message>
        <source>Jump to SourceId</source>
        <translation>Zu SourceId springen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Source id %1 is not shown (unknown, or filtered out).</source>
        <translation>Quell-ID %1 wird nicht angezeigt (unbekannt oder herausgefiltert).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>iw::SubmitIngestionDialog</name>
    <message>
        <source>Submit queued ingestion</source>
        <translation>Erfassung über die Warteschlange übermitteln</translation>
    </message>
    <message>
        <source>One blob URL per line (with a SAS or ;managed_identity=...)</source>
        <translation>Eine Blob-URL pro Zeile (mit SAS oder ;managed_identity=...)</translation>
    </message>
    <message>
        <source>optional ingestionMappingReference</source>
        <translation>optionale ingestionMappingReference</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
    <message>
        <source>&amp;Blob URLs:</source>
        <translation>&amp;Blob-URLs:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation>&amp;Mapping:</translation>
    </message>
    <message>
        <source>The operation is submitted with EnableTracking=true and tracked here.</source>
        <translation>Der Vorgang wird mit EnableTracking=true übermittelt und hier verfolgt.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Übermitteln</translation>
    </message>
</context>
<context>
    <name>iw::TrackOperationsDialog</name>
    <message>
        <source>Track operations</source>
        <translation>Vorgänge verfolgen</translation>
    </message>
    <message>
        <source>Paste one or more IngestionOperationIds (one per line, or separated by commas or spaces), or import a file of them.</source>
        <translation>Eine oder mehrere IngestionOperationIds einfügen (eine pro Zeile oder durch Kommas oder Leerzeichen getrennt) oder eine Datei damit importieren.</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Datei importieren…</translation>
    </message>
    <message>
        <source>Import operation ids</source>
        <translation>Vorgangs-IDs importieren</translation>
    </message>
    <message>
        <source>Text or CSV files (*.txt *.csv);;All files (*)</source>
        <translation>Text- oder CSV-Dateien (*.txt *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n operation id(s)</source>
        <translation>
            <numerusform>%n Vorgangs-ID</numerusform>
            <numerusform>%n Vorgangs-IDs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::Translations</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>iw::TrayNotifier</name>
    <message>
        <source>IngestWatch</source>
        <translation>IngestWatch</translation>
    </message>
    <message numerus="yes">
        <source>%n new ingestion failure(s)</source>
        <translation>
            <numerusform>%n neuer Erfassungsfehler</numerusform>
            <numerusform>%n neue Erfassungsfehler</numerusform>
        </translation>
    </message>
    <message>
        <source>(no ErrorCode)</source>
        <translation>(kein ErrorCode)</translation>
    </message>
    <message>
        <source>ErrorCode %1. Click to open the Notifications pane.</source>
        <translation>ErrorCode %1. Klicken, um den Bereich Benachrichtigungen zu öffnen.</translation>
    </message>
    <message>
        <source>Most frequent ErrorCode: %1. Click to open the Notifications pane.</source>
        <translation>Häufigster ErrorCode: %1. Klicken, um den Bereich Benachrichtigungen zu öffnen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watch and steer Azure Data Explorer (Kusto) queued ingestion.</source>
        <translation>Erfassung über die Warteschlange in Azure Data Explorer (Kusto) beobachten und steuern.</translation>
    </message>
    <message>
        <source>Use the local backend (Azurite + ingestwatch-sim) described by FILE, as written by scripts/backend (also: IW_LOCAL_BACKEND).</source>
        <translation>Das lokale Backend (Azurite + ingestwatch-sim) aus FILE verwenden, wie von scripts/backend geschrieben (auch: IW_LOCAL_BACKEND).</translation>
    </message>
    <message>
        <source>Start on the profile NAME.</source>
        <translation>Mit dem Profil NAME starten.</translation>
    </message>
    <message>
        <source>Use the archive FILE.</source>
        <translation>Das Archiv FILE verwenden.</translation>
    </message>
    <message>
        <source>Track the operation ID (repeatable).</source>
        <translation>Den Vorgang ID verfolgen (wiederholbar).</translation>
    </message>
    <message>
        <source>Grab the window and each pane to DIR/*.png after the delay, then quit.</source>
        <translation>Nach der Wartezeit das Fenster und jeden Bereich als DIR/*.png speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshots (default 12).</source>
        <translation>Sekunden bis zu den Bildschirmfotos (Vorgabe 12).</translation>
    </message>
    <message>
        <source>Submit a few tracked demo ingestions at start (for the local backend).</source>
        <translation>Beim Start einige verfolgte Demo-Erfassungen übermitteln (für das lokale Backend).</translation>
    </message>
    <message>
        <source>Cancel the smallest in-progress operation after 8 s (for screenshots).</source>
        <translation>Nach 8 s den kleinsten laufenden Vorgang abbrechen (für Bildschirmfotos).</translation>
    </message>
    <message>
        <source>Flag an operation as stalled when its counts have not moved for SECONDS (default: the saved setting, else 600).</source>
        <translation>Einen Vorgang als stockend markieren, wenn sich seine Zähler SECONDS lang nicht bewegt haben (Vorgabe: die gespeicherte Einstellung, sonst 600).</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>secrets are kept in memory for this session only</source>
        <translation>Geheimnisse bleiben nur für diese Sitzung im Speicher</translation>
    </message>
</context>
</TS>
