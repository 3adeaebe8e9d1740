<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Add &amp;local emulator profile</source>
        <translation>Ajouter un profil d&apos;émulateur &amp;local</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>prod westeurope</source>
        <translation>prod westeurope</translation>
    </message>
    <message>
        <source>&amp;Cluster or ingest URL:</source>
        <translation>URL du &amp;cluster ou d&apos;ingestion :</translation>
    </message>
    <message>
        <source>https://mycluster.westeurope.kusto.windows.net</source>
        <translation>https://mycluster.westeurope.kusto.windows.net</translation>
    </message>
    <message>
        <source>Default &amp;database:</source>
        <translation>&amp;Base de données par défaut :</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>&amp;Sign-in:</source>
        <translation>&amp;Connexion :</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locataire :</translation>
    </message>
    <message>
        <source>tenant id or domain (organizations when empty)</source>
        <translation>ID ou domaine du locataire (vide : organizations)</translation>
    </message>
    <message>
        <source>C&amp;lient id:</source>
        <translation>ID c&amp;lient :</translation>
    </message>
    <message>
        <source>application (client) id</source>
        <translation>ID d&apos;application (client)</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>&amp;Secret client :</translation>
    </message>
    <message>
        <source>&amp;Authority:</source>
        <translation>A&amp;utorité :</translation>
    </message>
    <message>
        <source>https://login.microsoftonline.com</source>
        <translation>https://login.microsoftonline.com</translation>
    </message>
    <message>
        <source>Storage (status table and report queues)</source>
        <translation>Stockage (table d&apos;état et files de rapports)</translation>
    </message>
    <message>
        <source>Disco&amp;vered through .get ingestion resources (re-read hourly)</source>
        <translation>Dé&amp;couvert via .get ingestion resources (relu toutes les heures)</translation>
    </message>
    <message>
        <source>Set by &amp;hand</source>
        <translation>Défini &amp;manuellement</translation>
    </message>
    <message>
        <source>Status &amp;table URL:</source>
        <translation>URL de la &amp;table d&apos;état :</translation>
    </message>
    <message>
        <source>https://account.table.core.windows.net/ingestionsstatus?sv=...&amp;sig=...</source>
        <translation>https://account.table.core.windows.net/ingestionsstatus?sv=...&amp;sig=...</translation>
    </message>
    <message>
        <source>&amp;Failure queues:</source>
        <translation>Files d&apos;é&amp;chec :</translation>
    </message>
    <message>
        <source>one SAS URL per line</source>
        <translation>une URL SAS par ligne</translation>
    </message>
    <message>
        <source>S&amp;uccess queues:</source>
        <translation>Files de s&amp;uccès :</translation>
    </message>
    <message>
        <source>Co&amp;nnection string:</source>
        <translation>Chaîne de co&amp;nnexion :</translation>
    </message>
    <message>
        <source>Use &amp;development storage (Azurite)</source>
        <translation>Utiliser le stockage de &amp;développement (Azurite)</translation>
    </message>
    <message>
        <source>Status table &amp;name:</source>
        <translation>&amp;Nom de la table d&apos;état :</translation>
    </message>
    <message>
        <source>ingestionsstatus</source>
        <translation>ingestionsstatus</translation>
    </message>
    <message>
        <source>Failure queue names:</source>
        <translation>Noms des files d&apos;échec :</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>Success queue names:</source>
        <translation>Noms des files de succès :</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
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
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Opérations</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <source>Ingestion statuses from the Azure status table appear here.</source>
        <translation>Les statuts d&apos;ingestion de la table d&apos;état Azure apparaissent ici.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Success and failure notifications from the report queues appear here.</source>
        <translation>Les notifications de succès et d&apos;échec des files de rapports apparaissent ici.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Refresh every pane now (F5)</source>
        <translation>Actualiser tous les panneaux maintenant (F5)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Track operations…</source>
        <translation>&amp;Suivre des opérations…</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Track operations by id: paste them or import a file (Ctrl+T)</source>
        <translation>Suivre des opérations par ID : les coller ou importer un fichier (Ctrl+T)</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Submit ingestion…</source>
        <translation>Soumettre une &amp;ingestion…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
    <message>
        <source>Submit a tracked queued ingestion from blob URLs</source>
        <translation>Soumettre une ingestion en file d&apos;attente suivie à partir d&apos;URL de blobs</translation>
    </message>
    <message>
        <source>&amp;Cancel operation…</source>
        <translation>&amp;Annuler l&apos;opération…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the selected operations after one confirmation (Del)</source>
        <translation>Annuler les opérations sélectionnées après une confirmation (Suppr)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About IngestWatch</source>
        <translation>À &amp;propos d&apos;IngestWatch</translation>
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
        <translation>Codes de sortie :
  0  succès
  1  autre erreur (erreur du service, fichier local, archive, réponse non)
  2  utilisation : commande ou option inconnue, valeur incorrecte, --yes requis
  3  connexion refusée ou impossible (HTTP 401/403, point de terminaison de jeton)
  4  réseau : injoignable, refusé, délai dépassé, limité (throttling)
  5  introuvable : ID d&apos;opération, table d&apos;état, file de rapports, profil
</translation>
    </message>
</context>
<context>
    <name>iw::CancelConfirmDialog</name>
    <message>
        <source>Cancel queued ingestion</source>
        <translation>Annuler l&apos;ingestion en file d&apos;attente</translation>
    </message>
    <message>
        <source>Cancel operation %1 on %2.%3? %4 blob(s) are pending.</source>
        <translation>Annuler l&apos;opération %1 sur %2.%3 ? %4 blob(s) en attente.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n operation(s)? %1 blob(s) are pending in total.</source>
        <translation>
            <numerusform>Annuler %n opération ? %1 blob(s) en attente au total.</numerusform>
            <numerusform>Annuler %n opérations ? %1 blob(s) en attente au total.</numerusform>
        </translation>
    </message>
    <message>
        <source>IngestionOperationId</source>
        <translation>IngestionOperationId</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Cancel is best effort: blobs already being ingested may still finish. The operation stays in view and keeps being watched.</source>
        <translation>L&apos;annulation est au mieux : les blobs déjà en cours d&apos;ingestion peuvent encore aboutir. L&apos;opération reste affichée et continue d&apos;être surveillée.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n operation(s)</source>
        <translation>
            <numerusform>Annuler %n opération</numerusform>
            <numerusform>Annuler %n opérations</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Laisser continuer</translation>
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
        <translation>Opérations (blobs)</translation>
    </message>
    <message>
        <source>Blobs by state over time</source>
        <translation>Blobs par State au fil du temps</translation>
    </message>
    <message>
        <source>Failures by ErrorCode</source>
        <translation>Échecs par ErrorCode</translation>
    </message>
    <message>
        <source>Failed blobs</source>
        <translation>Blobs en échec</translation>
    </message>
    <message>
        <source>(no code)</source>
        <translation>(aucun code)</translation>
    </message>
    <message>
        <source>Failures by ErrorCode (none reported yet)</source>
        <translation>Échecs par ErrorCode (aucun signalé pour l&apos;instant)</translation>
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
        <translation>Utilisation : ingestwatch [COMMANDE] [OPTIONS]
Surveiller et piloter l&apos;ingestion en file d&apos;attente d&apos;Azure Data Explorer (Kusto).
Sans commande, la fenêtre démarre (options de la fenêtre : --local-backend FICHIER, --profile NOM,
--archive FICHIER, --track ID, --submit-demo, --stall-after SECONDES).

Commandes :
  ops [ID...] [--json]      Une actualisation des opérations suivies (toutes, ou les ID donnés) :
                            State, base de données et table, compteurs, pourcentage, durée restante.
  track ID...               Suivre des opérations (GUID) ; la fenêtre les affiche aussi.
  cancel ID [--yes] [--json]
                            Annuler une opération une fois. Demande confirmation sur un terminal ;
                            ailleurs, --yes est requis. Affiche la ligne renvoyée par le service.
  statuses [--status S] [--since T] [--json | --csv FICHIER]
                            La table d&apos;état Azure, lue entièrement une fois. S : Pending,
                            Succeeded, Failed, Queued, Skipped, PartiallySucceeded.
                            T : heure ISO 8601, ou un âge comme 90s, 15m, 2h, 7d.
  failures [--peek | --consume] [--csv FICHIER]
                            Notifications d&apos;échec des files de rapports. --peek (par
                            défaut) les laisse aux autres ; --consume prend tous les messages
                            des files de rapports, chacun supprimé seulement après son
                            enregistrement dans l&apos;archive.
  watch [--interval S] [--until-done]
                            Progression en direct des opérations suivies, toutes les S secondes
                            (5 par défaut, au moins 2) ; redessine sur un terminal, une ligne par
                            changement dans un tube. Ctrl+C l&apos;arrête (code de sortie 0).

Options de toutes les commandes :
  --profile NOM             Le profil de connexion (par défaut : le profil actif de la fenêtre).
  --local-backend FICHIER   Le backend local (Azurite + ingestwatch-sim) décrit par FICHIER,
                            tel qu&apos;écrit par scripts/backend --env-file (aussi : IW_LOCAL_BACKEND).
  --archive FICHIER         L&apos;archive (par défaut : celle du profil, celle qu&apos;utilise la fenêtre).
  --timeout SECONDES        Abandonner après SECONDES (120 par défaut ; code de sortie 4).
  -h, --help                Cette aide.   -v, --version   La version.

Environnement : INGESTWATCH_CLIENT_SECRET est le secret client pour une connexion par
identifiants client au point de terminaison de jeton du backend local (ne jamais passer de
secrets en argument).

Les données vont sur stdout, les erreurs sur stderr. Les URL de blobs sont affichées sans signature SAS.
</translation>
    </message>
    <message>
        <source>no command given (see ingestwatch --help)</source>
        <translation>aucune commande donnée (voir ingestwatch --help)</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; the commands are: %2 (see ingestwatch --help)</source>
        <translation>commande inconnue « %1 » ; les commandes sont : %2 (voir ingestwatch --help)</translation>
    </message>
    <message>
        <source>%1: %2 (see ingestwatch --help)</source>
        <translation>%1 : %2 (voir ingestwatch --help)</translation>
    </message>
    <message>
        <source>--timeout wants a number of seconds above 0</source>
        <translation>--timeout attend un nombre de secondes supérieur à 0</translation>
    </message>
    <message>
        <source>%1 takes no arguments: %2</source>
        <translation>%1 ne prend pas d&apos;argument : %2</translation>
    </message>
    <message>
        <source>not an operation id (&lt;token&gt;;&lt;token&gt;;&lt;GUID&gt; or a GUID): %1</source>
        <translation>pas un ID d&apos;opération (&lt;token&gt;;&lt;token&gt;;&lt;GUID&gt; ou un GUID) : %1</translation>
    </message>
    <message>
        <source>track: give one or more operation ids</source>
        <translation>track : donnez un ou plusieurs ID d&apos;opération</translation>
    </message>
    <message>
        <source>cancel: give exactly one operation id</source>
        <translation>cancel : donnez exactement un ID d&apos;opération</translation>
    </message>
    <message>
        <source>cancel: stdin is not a terminal, so nobody can answer the question: add --yes to cancel without asking</source>
        <translation>cancel : stdin n&apos;est pas un terminal, personne ne peut donc répondre à la question : ajoutez --yes pour annuler sans demander</translation>
    </message>
    <message>
        <source>--status: unknown status &apos;%1&apos; (Pending, Succeeded, Failed, Queued, Skipped, PartiallySucceeded)</source>
        <translation>--status : statut inconnu « %1 » (Pending, Succeeded, Failed, Queued, Skipped, PartiallySucceeded)</translation>
    </message>
    <message>
        <source>--since: &apos;%1&apos; is neither an ISO 8601 time nor an age like 15m, 2h, 7d</source>
        <translation>--since : « %1 » n&apos;est ni une heure ISO 8601 ni un âge comme 15m, 2h, 7d</translation>
    </message>
    <message>
        <source>--csv wants a file name</source>
        <translation>--csv attend un nom de fichier</translation>
    </message>
    <message>
        <source>statuses: --json and --csv exclude each other</source>
        <translation>statuses : --json et --csv s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>failures: --peek and --consume exclude each other</source>
        <translation>failures : --peek et --consume s&apos;excluent mutuellement</translation>
    </message>
    <message>
        <source>--interval wants a number of seconds</source>
        <translation>--interval attend un nombre de secondes</translation>
    </message>
    <message>
        <source>no answer within %1 s (--timeout)</source>
        <translation>aucune réponse en %1 s (--timeout)</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>Abandon</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos; (the window&apos;s Connections list them)</source>
        <translation>aucun profil nommé « %1 » (les Connexions de la fenêtre les listent)</translation>
    </message>
    <message>
        <source>to sign in, open %1 and enter the code %2</source>
        <translation>pour vous connecter, ouvrez %1 et saisissez le code %2</translation>
    </message>
    <message>
        <source>to sign in, open %1</source>
        <translation>pour vous connecter, ouvrez %1</translation>
    </message>
    <message>
        <source>profile &apos;%1&apos;: no ingest endpoint to talk to</source>
        <translation>profil « %1 » : aucun point de terminaison d&apos;ingestion à contacter</translation>
    </message>
    <message>
        <source>Reading the archive</source>
        <translation>Lecture de l&apos;archive</translation>
    </message>
    <message>
        <source>no tracked operations (add some with: ingestwatch track ID)</source>
        <translation>aucune opération suivie (ajoutez-en avec : ingestwatch track ID)</translation>
    </message>
    <message>
        <source>Refreshing the operations</source>
        <translation>Actualisation des opérations</translation>
    </message>
    <message>
        <source>%1 is not tracked (ingestwatch track %1)</source>
        <translation>%1 n&apos;est pas suivie (ingestwatch track %1)</translation>
    </message>
    <message>
        <source>%1: the service returned no such operation</source>
        <translation>%1 : le service n&apos;a renvoyé aucune opération de ce nom</translation>
    </message>
    <message>
        <source>nothing tracked: the archive cannot be opened</source>
        <translation>rien n&apos;est suivi : l&apos;archive ne peut pas être ouverte</translation>
    </message>
    <message>
        <source>Reading the tracked operations</source>
        <translation>Lecture des opérations suivies</translation>
    </message>
    <message>
        <source>already tracked %1</source>
        <translation>déjà suivie %1</translation>
    </message>
    <message>
        <source>tracking %1</source>
        <translation>suivi de %1</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>Écriture de l&apos;archive</translation>
    </message>
    <message>
        <source>Reading operation %1</source>
        <translation>Lecture de l&apos;opération %1</translation>
    </message>
    <message>
        <source>the service knows no operation %1</source>
        <translation>le service ne connaît aucune opération %1</translation>
    </message>
    <message>
        <source>%1 is already %2: nothing to cancel</source>
        <translation>%1 est déjà %2 : rien à annuler</translation>
    </message>
    <message>
        <source>Cancel operation %1 on %2.%3, %4 pending? [y/N] </source>
        <translation>Annuler l&apos;opération %1 sur %2.%3, %4 en attente ? [y/N] </translation>
    </message>
    <message>
        <source>not canceled</source>
        <translation>non annulée</translation>
    </message>
    <message>
        <source>Canceling %1</source>
        <translation>Annulation de %1</translation>
    </message>
    <message>
        <source>cancel is best effort: blobs already being ingested may still finish</source>
        <translation>l&apos;annulation est au mieux : les blobs déjà en cours d&apos;ingestion peuvent encore aboutir</translation>
    </message>
    <message>
        <source>the canceled row was not archived: %1</source>
        <translation>la ligne annulée n&apos;a pas été archivée : %1</translation>
    </message>
    <message>
        <source>Reading .get ingestion resources</source>
        <translation>Lecture de .get ingestion resources</translation>
    </message>
    <message>
        <source>the ingest endpoint lists no %1 in .get ingestion resources</source>
        <translation>le point de terminaison d&apos;ingestion ne liste aucun %1 dans .get ingestion resources</translation>
    </message>
    <message>
        <source>Reading the status table</source>
        <translation>Lecture de la table d&apos;état</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>Écriture de %1</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 lignes écrites dans %2</translation>
    </message>
    <message>
        <source>The status table URI</source>
        <translation>L&apos;URI de la table d&apos;état</translation>
    </message>
    <message>
        <source>--consume needs the archive (messages are deleted only after they are committed to it)</source>
        <translation>--consume a besoin de l&apos;archive (les messages ne sont supprimés qu&apos;après y avoir été enregistrés)</translation>
    </message>
    <message>
        <source>Reading the report queues</source>
        <translation>Lecture des files de rapports</translation>
    </message>
    <message>
        <source>more messages are waiting than one run takes: run failures --consume again</source>
        <translation>plus de messages attendent qu&apos;une exécution n&apos;en prend : relancez failures --consume</translation>
    </message>
    <message>
        <source>%1 failures written to %2</source>
        <translation>%1 échecs écrits dans %2</translation>
    </message>
    <message>
        <source>%1 messages consumed: committed to the archive %2, then deleted from their queue</source>
        <translation>%1 messages consommés : enregistrés dans l&apos;archive %2, puis supprimés de leur file</translation>
    </message>
    <message>
        <source>The report queue URIs</source>
        <translation>Les URI des files de rapports</translation>
    </message>
    <message>
        <source>%1  refreshed every %2 s; Ctrl+C to quit</source>
        <translation>%1  actualisé toutes les %2 s ; Ctrl+C pour quitter</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
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
        <translation>Principal de service (secret client)</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Code d&apos;appareil</translation>
    </message>
    <message>
        <source>Browser (interactive)</source>
        <translation>Navigateur (interactif)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>SAS URLs</source>
        <translation>URL SAS</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Chaîne de connexion</translation>
    </message>
    <message>
        <source>&amp;Use profile</source>
        <translation>&amp;Utiliser le profil</translation>
    </message>
    <message>
        <source>No system keychain: secrets typed here are kept in memory for this session only.</source>
        <translation>Pas de trousseau système : les secrets saisis ici ne sont gardés en mémoire que pour cette session.</translation>
    </message>
    <message>
        <source>No secret store: secrets cannot be saved.</source>
        <translation>Pas de magasin de secrets : les secrets ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>stored in the keychain (type to replace)</source>
        <translation>enregistré dans le trousseau (saisir pour remplacer)</translation>
    </message>
    <message>
        <source>Ingest endpoint: enter the cluster URL</source>
        <translation>Point de terminaison d&apos;ingestion : saisissez l&apos;URL du cluster</translation>
    </message>
    <message>
        <source>Ingest endpoint: %1</source>
        <translation>Point de terminaison d&apos;ingestion : %1</translation>
    </message>
    <message>
        <source>application (client) id</source>
        <translation>ID d&apos;application (client)</translation>
    </message>
    <message>
        <source>empty: Kusto&apos;s public client (%1)</source>
        <translation>vide : le client public de Kusto (%1)</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Le profil doit avoir un nom.</translation>
    </message>
    <message>
        <source>The cluster URL is not valid: use https://&lt;cluster&gt;.&lt;region&gt;.kusto.windows.net.</source>
        <translation>L&apos;URL du cluster n&apos;est pas valide : utilisez https://&lt;cluster&gt;.&lt;region&gt;.kusto.windows.net.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to this computer (127.0.0.1, localhost): use https.</source>
        <translation>Le http non chiffré n&apos;est autorisé que vers cet ordinateur (127.0.0.1, localhost) : utilisez https.</translation>
    </message>
    <message>
        <source>A service principal needs a tenant and a client id.</source>
        <translation>Un principal de service nécessite un locataire et un ID client.</translation>
    </message>
    <message>
        <source>A profile named %1 exists already.</source>
        <translation>Un profil nommé %1 existe déjà.</translation>
    </message>
    <message>
        <source>No secret store: the secrets cannot be saved.</source>
        <translation>Pas de magasin de secrets : les secrets ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>The profile is saved, but a secret could not be stored: %1</source>
        <translation>Le profil est enregistré, mais un secret n&apos;a pas pu être stocké : %1</translation>
    </message>
    <message>
        <source>Saved. Secrets are in the system keychain.</source>
        <translation>Enregistré. Les secrets sont dans le trousseau système.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Nouveau profil %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copie %2)</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its secrets from the keychain?</source>
        <translation>Supprimer le profil %1 et ses secrets du trousseau ?</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opened (%1)…</source>
        <translation>Connectez-vous dans la fenêtre du navigateur qui s&apos;est ouverte (%1)…</translation>
    </message>
    <message>
        <source>Every endpoint answered.</source>
        <translation>Tous les points de terminaison ont répondu.</translation>
    </message>
    <message>
        <source>Some endpoints did not answer: see the reasons above.</source>
        <translation>Certains points de terminaison n&apos;ont pas répondu : voir les raisons ci-dessus.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
</context>
<context>
    <name>iw::ConnectionTester</name>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
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
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Timeout: %1</source>
        <translation>Délai dépassé : %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Annulé : %1</translation>
    </message>
    <message>
        <source>DNS: host not found (%1)</source>
        <translation>DNS : hôte introuvable (%1)</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS : %1</translation>
    </message>
    <message>
        <source>Unreachable: connection refused (%1)</source>
        <translation>Injoignable : connexion refusée (%1)</translation>
    </message>
    <message>
        <source>Unreachable: %1</source>
        <translation>Injoignable : %1</translation>
    </message>
    <message>
        <source>401 Unauthorized: %1</source>
        <translation>401 Non autorisé : %1</translation>
    </message>
    <message>
        <source>403 Forbidden: %1</source>
        <translation>403 Interdit : %1</translation>
    </message>
    <message>
        <source>404 Not found: %1</source>
        <translation>404 Introuvable : %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1 : %2</translation>
    </message>
    <message>
        <source>Sign-in: %1</source>
        <translation>Connexion : %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>Gestion</translation>
    </message>
    <message>
        <source>The endpoint URL is not valid.</source>
        <translation>L&apos;URL du point de terminaison n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to this computer (loopback): use https.</source>
        <translation>Le http non chiffré n&apos;est autorisé que vers cet ordinateur (loopback) : utilisez https.</translation>
    </message>
    <message>
        <source>Management (.get ingestion resources)</source>
        <translation>Gestion (.get ingestion resources)</translation>
    </message>
    <message>
        <source>Status table</source>
        <translation>Table d&apos;état</translation>
    </message>
    <message>
        <source>Not checked: the storage is discovered through the management endpoint.</source>
        <translation>Non vérifié : le stockage est découvert via le point de terminaison de gestion.</translation>
    </message>
    <message numerus="yes">
        <source>OK: %n resource(s) in %1 ms</source>
        <translation>
            <numerusform>OK : %n ressource en %1 ms</numerusform>
            <numerusform>OK : %n ressources en %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>No secret store: the storage secrets cannot be read.</source>
        <translation>Pas de magasin de secrets : les secrets du stockage ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>No storage connection string stored: %1</source>
        <translation>Aucune chaîne de connexion de stockage enregistrée : %1</translation>
    </message>
    <message>
        <source>No status table: none was returned or configured.</source>
        <translation>Pas de table d&apos;état : aucune n&apos;a été renvoyée ni configurée.</translation>
    </message>
    <message>
        <source>Report queues</source>
        <translation>Files de rapports</translation>
    </message>
    <message>
        <source>No report queue: none was returned or configured.</source>
        <translation>Pas de file de rapports : aucune n&apos;a été renvoyée ni configurée.</translation>
    </message>
    <message>
        <source>Failure queue %1</source>
        <translation>File d&apos;échec %1</translation>
    </message>
    <message>
        <source>Success queue %1</source>
        <translation>File de succès %1</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation>La chaîne de connexion n&apos;est pas valide : %1</translation>
    </message>
    <message>
        <source>No status table name is set.</source>
        <translation>Aucun nom de table d&apos;état n&apos;est défini.</translation>
    </message>
    <message>
        <source>No report queue name is set.</source>
        <translation>Aucun nom de file de rapports n&apos;est défini.</translation>
    </message>
    <message>
        <source>Plain http is only allowed to loopback: use https.</source>
        <translation>Le http non chiffré n&apos;est autorisé que vers le loopback : utilisez https.</translation>
    </message>
    <message numerus="yes">
        <source>OK: read %n row(s) in %1 ms</source>
        <translation>
            <numerusform>OK : %n ligne lue en %1 ms</numerusform>
            <numerusform>OK : %n lignes lues en %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>OK: peeked %n message(s) in %1 ms</source>
        <translation>
            <numerusform>OK : %n message consulté en %1 ms</numerusform>
            <numerusform>OK : %n messages consultés en %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::ConnectionsController</name>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Connexions…</translation>
    </message>
    <message>
        <source>Profiles, sign-in and storage; test each endpoint</source>
        <translation>Profils, connexion et stockage ; tester chaque point de terminaison</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Profil de connexion</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>%1 is now the active profile: it is used from the next start.</source>
        <translation>%1 est maintenant le profil actif : il sera utilisé dès le prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>iw::CsvWorker</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Writing the file failed: %1</source>
        <translation>L&apos;écriture du fichier a échoué : %1</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>L&apos;export a été annulé.</translation>
    </message>
    <message>
        <source>Cannot save the file: %1</source>
        <translation>Impossible d&apos;enregistrer le fichier : %1</translation>
    </message>
</context>
<context>
    <name>iw::DeviceCodeDialog</name>
    <message>
        <source>Sign in with a device code</source>
        <translation>Se connecter avec un code d&apos;appareil</translation>
    </message>
    <message>
        <source>Open the page below in a browser (on any device), enter the code and sign in.</source>
        <translation>Ouvrez la page ci-dessous dans un navigateur (sur n&apos;importe quel appareil), saisissez le code et connectez-vous.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code :</translation>
    </message>
    <message>
        <source>Copy &amp;code</source>
        <translation>Copier le &amp;code</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Page :</translation>
    </message>
    <message>
        <source>Copy &amp;URL</source>
        <translation>Copier l&apos;&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Open browser</source>
        <translation>&amp;Ouvrir le navigateur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The code has expired. Waiting for the sign-in service to confirm…</source>
        <translation>Le code a expiré. En attente de la confirmation du service de connexion…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in… the code expires in %1:%2.</source>
        <translation>En attente de votre connexion… le code expire dans %1:%2.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Connecté.</translation>
    </message>
    <message>
        <source>The sign-in did not complete.</source>
        <translation>La connexion n&apos;a pas abouti.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>iw::ExportDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) shown</source>
        <translation>
            <numerusform>La %n ligne affichée</numerusform>
            <numerusform>Les %n lignes affichées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n selected row(s)</source>
        <translation>
            <numerusform>La %n ligne sélectionnée</numerusform>
            <numerusform>Les %n lignes sélectionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>Byte order mark (for Excel)</source>
        <translation>Indicateur d&apos;ordre des octets (pour Excel)</translation>
    </message>
    <message>
        <source>Include SAS secrets unredacted</source>
        <translation>Inclure les secrets SAS non masqués</translation>
    </message>
    <message>
        <source>Off by default: sig= and keys are replaced so the file can be shared.</source>
        <translation>Désactivé par défaut : sig= et les clés sont remplacés pour que le fichier puisse être partagé.</translation>
    </message>
    <message>
        <source>Include secrets?</source>
        <translation>Inclure les secrets ?</translation>
    </message>
    <message>
        <source>The file will contain SAS signatures that grant access to storage. Anyone who reads the file can use them. Include them?</source>
        <translation>Le fichier contiendra des signatures SAS qui donnent accès au stockage. Quiconque lit le fichier peut les utiliser. Les inclure ?</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>L&apos;export a échoué</translation>
    </message>
    <message>
        <source>Nothing was written to %1: %2</source>
        <translation>Rien n&apos;a été écrit dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>iw::FailureGroupModel</name>
    <message>
        <source>(no ErrorCode)</source>
        <translation>(aucun ErrorCode)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Mixed (%1 of %2)</source>
        <translation>Mixte (%1 sur %2)</translation>
    </message>
    <message>
        <source>%1 of %2 failures are transient, exhausted or marked ShouldRetry: retrying them as is may succeed.</source>
        <translation>%1 échecs sur %2 sont transitoires, épuisés ou marqués ShouldRetry : les relancer tels quels peut réussir.</translation>
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
        <translation>Nombre</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vu la première fois</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu la dernière fois</translation>
    </message>
    <message>
        <source>Retry can help</source>
        <translation>Relancer peut aider</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation>Codes d&apos;erreur</translation>
    </message>
    <message>
        <source>Sample details</source>
        <translation>Exemples de détails</translation>
    </message>
</context>
<context>
    <name>iw::FallbackSecretStore</name>
    <message>
        <source>The system keychain cannot be reached (%1). Secrets are kept in memory for this session only and will have to be entered again after a restart.</source>
        <translation>Le trousseau système est injoignable (%1). Les secrets ne sont gardés en mémoire que pour cette session et devront être saisis de nouveau après un redémarrage.</translation>
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
        <translation>Queued est un état permanent : cette ingestion a été soumise sans rapport dans la table d&apos;état (ReportMethod Queue), le service ne mettra donc jamais cette ligne à jour. Son résultat, si les échecs sont signalés, arrive dans les files de notifications ; pour la suivre ici, ingérez avec ReportMethod Table ou QueueAndTable.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>transient: a retry may succeed</source>
        <translation>transitoire : une nouvelle tentative peut réussir</translation>
    </message>
    <message>
        <source>permanent: the same ingestion will fail again as is</source>
        <translation>permanent : la même ingestion échouera de nouveau telle quelle</translation>
    </message>
    <message>
        <source>not a code this version knows; see FailureStatus</source>
        <translation>code inconnu de cette version ; voir FailureStatus</translation>
    </message>
    <message>
        <source>%1
Category: %2 (%3)
%4</source>
        <translation>%1
Catégorie : %2 (%3)
%4</translation>
    </message>
    <message>
        <source>Pending for %1 (threshold %2 min). The service has not reported an outcome yet; check the operation and the failure notifications.</source>
        <translation>Pending depuis %1 (seuil %2 min). Le service n&apos;a encore signalé aucun résultat ; vérifiez l&apos;opération et les notifications d&apos;échec.</translation>
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
        <translation>Pending : le seul état temporaire ; le service met cette ligne à jour quand il a terminé.</translation>
    </message>
    <message>
        <source>Permanent: no retry will be executed.</source>
        <translation>Permanent : aucune nouvelle tentative ne sera faite.</translation>
    </message>
    <message>
        <source>Transient: the service will retry.</source>
        <translation>Transitoire : le service va réessayer.</translation>
    </message>
    <message>
        <source>Exhausted: several retries also failed.</source>
        <translation>Épuisé : plusieurs nouvelles tentatives ont aussi échoué.</translation>
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
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>IngestWatch will use the new language the next time it starts.</source>
        <translation>IngestWatch utilisera la nouvelle langue au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>iw::MainWindow</name>
    <message>
        <source> Auto-refresh: </source>
        <translation> Actualisation auto : </translation>
    </message>
    <message>
        <source>How often every pane is refreshed (at least every %1 s)</source>
        <translation>Fréquence d&apos;actualisation des panneaux (au plus toutes les %1 s)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivée</translation>
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
        <translation>Pas encore actualisé</translation>
    </message>
    <message>
        <source>Export operations to CSV…</source>
        <translation>Exporter les opérations en CSV…</translation>
    </message>
    <message>
        <source>IngestWatch — %1</source>
        <translation>IngestWatch — %1</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n operation(s) stalled</source>
        <translation>
            <numerusform>⚠ %n opération bloquée</numerusform>
            <numerusform>⚠ %n opérations bloquées</numerusform>
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
        <translation>%1 : %2 (échec)</translation>
    </message>
    <message>
        <source>Refreshed — %1</source>
        <translation>Actualisé — %1</translation>
    </message>
    <message>
        <source>Last error (%1, %2): %3</source>
        <translation>Dernière erreur (%1, %2) : %3</translation>
    </message>
    <message>
        <source>Requests: %1</source>
        <translation>Requêtes : %1</translation>
    </message>
    <message numerus="yes">
        <source>Tracking %n more operation(s).</source>
        <translation>
            <numerusform>%n opération de plus est suivie.</numerusform>
            <numerusform>%n opérations de plus sont suivies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n blob(s) into %1.%2: tracking %3.</source>
        <translation>
            <numerusform>%n blob soumis dans %1.%2 : suivi de %3.</numerusform>
            <numerusform>%n blobs soumis dans %1.%2 : suivi de %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit failed: %1</source>
        <translation>La soumission a échoué : %1</translation>
    </message>
    <message>
        <source>About IngestWatch</source>
        <translation>À propos d&apos;IngestWatch</translation>
    </message>
    <message>
        <source>&lt;b&gt;IngestWatch %1&lt;/b&gt;&lt;p&gt;Watch and steer Azure Data Explorer (Kusto) queued ingestion.&lt;/p&gt;</source>
        <translation>&lt;b&gt;IngestWatch %1&lt;/b&gt;&lt;p&gt;Surveiller et piloter l&apos;ingestion en file d&apos;attente d&apos;Azure Data Explorer (Kusto).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>iw::NotificationModel</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>This message did not parse: %1

Raw text:
%2</source>
        <translation>Ce message n&apos;a pas pu être analysé : %1

Texte brut :
%2</translation>
    </message>
    <message>
        <source>%1
Category: %2
%3</source>
        <translation>%1
Catégorie : %2
%3</translation>
    </message>
    <message>
        <source>Whether the ingestion could succeed if retried as is.</source>
        <translation>Indique si l&apos;ingestion pourrait réussir si elle était relancée telle quelle.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
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
        <translation>File</translation>
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
        <translation>Texte brut</translation>
    </message>
</context>
<context>
    <name>iw::NotificationMonitor</name>
    <message>
        <source>The URL names no queue: %1</source>
        <translation>L&apos;URL ne désigne aucune file : %1</translation>
    </message>
    <message>
        <source>Counting the messages of queue %1</source>
        <translation>Comptage des messages de la file %1</translation>
    </message>
    <message>
        <source>Archiving the messages of queue %1</source>
        <translation>Archivage des messages de la file %1</translation>
    </message>
    <message>
        <source>Peeking queue %1</source>
        <translation>Consultation de la file %1</translation>
    </message>
    <message>
        <source>Receiving from queue %1</source>
        <translation>Réception depuis la file %1</translation>
    </message>
    <message>
        <source>Archiving consumed messages of queue %1 (they stay in the queue)</source>
        <translation>Archivage des messages consommés de la file %1 (ils restent dans la file)</translation>
    </message>
    <message>
        <source>Deleting a consumed message from queue %1</source>
        <translation>Suppression d&apos;un message consommé de la file %1</translation>
    </message>
    <message>
        <source>Reading the notification history from the archive</source>
        <translation>Lecture de l&apos;historique des notifications dans l&apos;archive</translation>
    </message>
</context>
<context>
    <name>iw::NotificationsPane</name>
    <message>
        <source>Consume takes the messages out of the report queues: they are received, saved in this dashboard&apos;s archive and then DELETED from the queue.

These queues are shared by every client of this cluster. Any other tool or SDK reading them will no longer see the messages this dashboard takes.

Make this dashboard the consumer of the report queues?</source>
        <translation>« Consommer » retire les messages des files de rapports : ils sont reçus, enregistrés dans l&apos;archive de ce tableau de bord puis SUPPRIMÉS de la file.

Ces files sont partagées par tous les clients de ce cluster. Tout autre outil ou SDK qui les lit ne verra plus les messages que ce tableau de bord prend.

Faire de ce tableau de bord le consommateur des files de rapports ?</translation>
    </message>
    <message>
        <source>Peek</source>
        <translation>Consulter</translation>
    </message>
    <message>
        <source>Non-destructive: the messages stay in the queues for every other client.</source>
        <translation>Non destructif : les messages restent dans les files pour tous les autres clients.</translation>
    </message>
    <message>
        <source>Consume</source>
        <translation>Consommer</translation>
    </message>
    <message>
        <source>Receive, archive, then delete the messages (asks first).</source>
        <translation>Recevoir, archiver puis supprimer les messages (demande d&apos;abord).</translation>
    </message>
    <message>
        <source>No report queues</source>
        <translation>Aucune file de rapports</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Peek only sees the head of each queue: up to 32 visible messages per queue per refresh. The counts are approximate (they include invisible and expired messages).</source>
        <translation>« Consulter » ne voit que le début de chaque file : jusqu&apos;à 32 messages visibles par file et par actualisation. Les nombres sont approximatifs (ils incluent les messages invisibles et expirés).</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Successes</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Mal formés</translation>
    </message>
    <message>
        <source>Search every field</source>
        <translation>Rechercher dans tous les champs</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>By ErrorCode</source>
        <translation>Par ErrorCode</translation>
    </message>
    <message>
        <source>By Database/Table</source>
        <translation>Par base de données/table</translation>
    </message>
    <message>
        <source>Failures grouped</source>
        <translation>Échecs regroupés</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) archived and deleted from the queues.</source>
        <translation>
            <numerusform>%n message archivé et supprimé des files.</numerusform>
            <numerusform>%n messages archivés et supprimés des files.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consuming needs a writable archive, and this session has none.</source>
        <translation>La consommation nécessite une archive accessible en écriture, et cette session n&apos;en a pas.</translation>
    </message>
    <message>
        <source>Consume the report queues?</source>
        <translation>Consommer les files de rapports ?</translation>
    </message>
    <message>
        <source>Consuming: messages are received, archived, then deleted from the shared queues. History stays visible from the archive.</source>
        <translation>Consommation : les messages sont reçus, archivés puis supprimés des files partagées. L&apos;historique reste visible depuis l&apos;archive.</translation>
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
        <translation>%1/%2 (%3) : environ %4 message(s), %5 lu(s) la dernière fois%6</translation>
    </message>
    <message>
        <source>failures</source>
        <translation>échecs</translation>
    </message>
    <message>
        <source>successes</source>
        <translation>succès</translation>
    </message>
    <message>
        <source>; error: %1</source>
        <translation> ; erreur : %1</translation>
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
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 (stalled)</source>
        <translation>%1 (bloquée)</translation>
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
        <translation>inconnu</translation>
    </message>
    <message>
        <source>A cancel request for this operation is in flight.</source>
        <translation>Une demande d&apos;annulation de cette opération est en cours.</translation>
    </message>
    <message>
        <source>Stalled: no blob has completed since %1 (threshold %2).</source>
        <translation>Bloquée : aucun blob n&apos;a abouti depuis %1 (seuil %2).</translation>
    </message>
    <message>
        <source>Pending blobs divided by the throughput of the last %1.</source>
        <translation>Blobs en attente divisés par le débit des dernières %1.</translation>
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
        <translation>Progression</translation>
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
        <translation>Débit</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Temps restant</translation>
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
        <translation>Blobs restant à ingérer</translation>
    </message>
    <message>
        <source>Blobs that failed permanently</source>
        <translation>Blobs en échec définitif</translation>
    </message>
    <message>
        <source>Blobs completed per minute over the last %1</source>
        <translation>Blobs terminés par minute sur les dernières %1</translation>
    </message>
    <message>
        <source>Estimated time until no blob is pending, at the current throughput</source>
        <translation>Temps estimé jusqu&apos;à ce qu&apos;aucun blob ne soit en attente, au débit actuel</translation>
    </message>
</context>
<context>
    <name>iw::OperationMonitor</name>
    <message>
        <source>Reading the tracked operations</source>
        <translation>Lecture des opérations suivies</translation>
    </message>
    <message>
        <source>Reading the snapshot history</source>
        <translation>Lecture de l&apos;historique des instantanés</translation>
    </message>
    <message>
        <source>Refreshing the operations</source>
        <translation>Actualisation des opérations</translation>
    </message>
    <message>
        <source>Writing the archive</source>
        <translation>Écriture de l&apos;archive</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>Annulation de %1</translation>
    </message>
    <message>
        <source>No ingest endpoint is connected.</source>
        <translation>Aucun point de terminaison d&apos;ingestion n&apos;est connecté.</translation>
    </message>
    <message>
        <source>Submitting an ingestion</source>
        <translation>Soumission d&apos;une ingestion</translation>
    </message>
</context>
<context>
    <name>iw::OperationsPane</name>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminées</translation>
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
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Search ids, tables, failure reasons…</source>
        <translation>Rechercher ID, tables, raisons d&apos;échec…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Select an operation to see its blobs.</source>
        <translation>Sélectionnez une opération pour voir ses blobs.</translation>
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
            <numerusform>Annulation de %1 acceptée : State %2. %n blob était déjà en cours et peut encore être ingéré ; l&apos;opération reste surveillée.</numerusform>
            <numerusform>Annulation de %1 acceptée : State %2. %n blobs étaient déjà en cours et peuvent encore être ingérés ; l&apos;opération reste surveillée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel of %1 accepted: State %2, %3 blob(s) canceled.</source>
        <translation>Annulation de %1 acceptée : State %2, %3 blob(s) annulé(s).</translation>
    </message>
    <message>
        <source>Cancel of %1 failed: %2</source>
        <translation>L&apos;annulation de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>Nothing to cancel: the selected operations are finished or already being canceled.</source>
        <translation>Rien à annuler : les opérations sélectionnées sont terminées ou déjà en cours d&apos;annulation.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel sent for %n operation(s)…</source>
        <translation>
            <numerusform>Annulation envoyée pour %n opération…</numerusform>
            <numerusform>Annulation envoyée pour %n opérations…</numerusform>
        </translation>
    </message>
    <message>
        <source>Blob details unavailable: %1</source>
        <translation>Détails des blobs indisponibles : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2.%3 — %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2.%3 — %4</translation>
    </message>
    <message>
        <source>%1 of %2 blobs done (%3 ingested, %4 failed, %5 canceled), %6 pending</source>
        <translation>%1 blobs sur %2 terminés (%3 ingérés, %4 en échec, %5 annulés), %6 en attente</translation>
    </message>
    <message>
        <source>%1 blobs/min</source>
        <translation>%1 blobs/min</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Temps restant %1</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>bloquée</translation>
    </message>
    <message>
        <source>cancel in flight</source>
        <translation>annulation en cours</translation>
    </message>
    <message>
        <source>SampleFailedReasons: %1</source>
        <translation>SampleFailedReasons : %1</translation>
    </message>
    <message>
        <source>Cancel operation…</source>
        <translation>Annuler l&apos;opération…</translation>
    </message>
    <message>
        <source>Copy operation id</source>
        <translation>Copier l&apos;ID de l&apos;opération</translation>
    </message>
    <message>
        <source>Stop tracking</source>
        <translation>Arrêter le suivi</translation>
    </message>
    <message numerus="yes">
        <source>Cancel accepted for %n operation(s): %1 blob(s) canceled.</source>
        <translation>
            <numerusform>Annulation acceptée pour %n opération : %1 blob(s) annulé(s).</numerusform>
            <numerusform>Annulation acceptée pour %n opérations : %1 blob(s) annulé(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blob(s) were already in flight and may still be ingested; the operations stay watched.</source>
        <translation>
            <numerusform>%n blob était déjà en cours et peut encore être ingéré ; les opérations restent surveillées.</numerusform>
            <numerusform>%n blobs étaient déjà en cours et peuvent encore être ingérés ; les opérations restent surveillées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel failed for %n operation(s), the last (%1): %2</source>
        <translation>
            <numerusform>L&apos;annulation a échoué pour %n opération, la dernière (%1) : %2</numerusform>
            <numerusform>L&apos;annulation a échoué pour %n opérations, la dernière (%1) : %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancel(s) still waiting for an answer.</source>
        <translation>
            <numerusform>%n annulation attend encore une réponse.</numerusform>
            <numerusform>%n annulations attendent encore une réponse.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::ProfileStore</name>
    <message>
        <source>Local emulator</source>
        <translation>Émulateur local</translation>
    </message>
</context>
<context>
    <name>iw::ProfileTokenProvider</name>
    <message>
        <source>Cannot read the endpoint&apos;s sign-in metadata: %1</source>
        <translation>Impossible de lire les métadonnées de connexion du point de terminaison : %1</translation>
    </message>
    <message>
        <source>Profile %1 has no sign-in method: choose one in Connections.</source>
        <translation>Le profil %1 n&apos;a pas de méthode de connexion : choisissez-en une dans Connexions.</translation>
    </message>
    <message>
        <source>Profile %1 needs a tenant and a client id for the service principal sign-in.</source>
        <translation>Le profil %1 nécessite un locataire et un ID client pour la connexion par principal de service.</translation>
    </message>
    <message>
        <source>No client secret is stored for profile %1: enter it in Connections.</source>
        <translation>Aucun secret client n&apos;est enregistré pour le profil %1 : saisissez-le dans Connexions.</translation>
    </message>
    <message>
        <source>Cannot read the client secret from the keychain: %1</source>
        <translation>Impossible de lire le secret client dans le trousseau : %1</translation>
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
        <translation>L&apos;archive ne peut pas être ouverte (%1) : rien n&apos;est enregistré pendant cette session.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>Profile %1 has no sign-in method: operations are read from the archive only.</source>
        <translation>Le profil %1 n&apos;a pas de méthode de connexion : les opérations sont lues uniquement depuis l&apos;archive.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 names no ingest endpoint URL.</source>
        <translation>%1 ne désigne aucune URL de point de terminaison d&apos;ingestion.</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>The %1 of profile %2 cannot be read from the keychain (%3): enter it in Connections.</source>
        <translation>Le %1 du profil %2 ne peut pas être lu dans le trousseau (%3) : saisissez-le dans Connexions.</translation>
    </message>
    <message>
        <source>Manual storage</source>
        <translation>Stockage manuel</translation>
    </message>
    <message>
        <source>No secret store: the storage secrets cannot be read.</source>
        <translation>Pas de magasin de secrets : les secrets du stockage ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>storage connection string</source>
        <translation>chaîne de connexion du stockage</translation>
    </message>
    <message>
        <source>The status table</source>
        <translation>La table d&apos;état</translation>
    </message>
    <message>
        <source>The report queues</source>
        <translation>Les files de rapports</translation>
    </message>
    <message>
        <source>The status table URI</source>
        <translation>L&apos;URI de la table d&apos;état</translation>
    </message>
    <message>
        <source>The report queue URIs</source>
        <translation>Les URI des files de rapports</translation>
    </message>
    <message>
        <source>Reading .get ingestion resources</source>
        <translation>Lecture de .get ingestion resources</translation>
    </message>
</context>
<context>
    <name>iw::StateIconDelegate</name>
    <message>
        <source>%1 (stalled)</source>
        <translation>%1 (bloquée)</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>iw::StatusMonitor</name>
    <message>
        <source>The URL names no table: %1</source>
        <translation>L&apos;URL ne désigne aucune table : %1</translation>
    </message>
    <message>
        <source>Name the status table.</source>
        <translation>Nommez la table d&apos;état.</translation>
    </message>
    <message>
        <source>No status table</source>
        <translation>Aucune table d&apos;état</translation>
    </message>
    <message>
        <source>The refresh failed.</source>
        <translation>L&apos;actualisation a échoué.</translation>
    </message>
    <message>
        <source>Reading the status table %1</source>
        <translation>Lecture de la table d&apos;état %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partiel</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complet</translation>
    </message>
    <message>
        <source>Unknown: loading the status table…</source>
        <translation>Inconnu : chargement de la table d&apos;état…</translation>
    </message>
    <message>
        <source>Unknown: not read yet</source>
        <translation>Inconnu : pas encore lu</translation>
    </message>
    <message>
        <source>Partial: %1 rows so far, still loading</source>
        <translation>Partiel : %1 lignes jusqu&apos;ici, chargement en cours</translation>
    </message>
    <message>
        <source>Partial: %1 rows (the first load did not finish)</source>
        <translation>Partiel : %1 lignes (le premier chargement n&apos;a pas abouti)</translation>
    </message>
    <message>
        <source>Complete: %1 rows</source>
        <translation>Complet : %1 lignes</translation>
    </message>
</context>
<context>
    <name>iw::StatusesPane</name>
    <message>
        <source>From .get ingestion resources, or a status table SAS URL, or a storage connection string</source>
        <translation>Depuis .get ingestion resources, une URL SAS de table d&apos;état ou une chaîne de connexion de stockage</translation>
    </message>
    <message>
        <source>Table (with a connection string)</source>
        <translation>Table (avec une chaîne de connexion)</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Unknown: no status table</source>
        <translation>Inconnu : aucune table d&apos;état</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>All databases</source>
        <translation>Toutes les bases de données</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Toutes les tables</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>N&apos;importe quand</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Search source id, path, details</source>
        <translation>Rechercher ID de source, chemin, détails</translation>
    </message>
    <message>
        <source>Jump to SourceId</source>
        <translation>Aller à SourceId</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Source id %1 is not shown (unknown, or filtered out).</source>
        <translation>L&apos;ID de source %1 n&apos;est pas affiché (inconnu ou filtré).</translation>
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
        <translation>Soumettre une ingestion en file d&apos;attente</translation>
    </message>
    <message>
        <source>One blob URL per line (with a SAS or ;managed_identity=...)</source>
        <translation>Une URL de blob par ligne (avec une SAS ou ;managed_identity=...)</translation>
    </message>
    <message>
        <source>optional ingestionMappingReference</source>
        <translation>ingestionMappingReference facultative</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Table :</translation>
    </message>
    <message>
        <source>&amp;Blob URLs:</source>
        <translation>URL de &amp;blobs :</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>&amp;Mapping:</source>
        <translation>&amp;Mappage :</translation>
    </message>
    <message>
        <source>The operation is submitted with EnableTracking=true and tracked here.</source>
        <translation>L&apos;opération est soumise avec EnableTracking=true et suivie ici.</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Soumettre</translation>
    </message>
</context>
<context>
    <name>iw::TrackOperationsDialog</name>
    <message>
        <source>Track operations</source>
        <translation>Suivre des opérations</translation>
    </message>
    <message>
        <source>Paste one or more IngestionOperationIds (one per line, or separated by commas or spaces), or import a file of them.</source>
        <translation>Collez un ou plusieurs IngestionOperationId (un par ligne, ou séparés par des virgules ou des espaces), ou importez-les depuis un fichier.</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <source>Import operation ids</source>
        <translation>Importer des ID d&apos;opération</translation>
    </message>
    <message>
        <source>Text or CSV files (*.txt *.csv);;All files (*)</source>
        <translation>Fichiers texte ou CSV (*.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n operation id(s)</source>
        <translation>
            <numerusform>%n ID d&apos;opération</numerusform>
            <numerusform>%n ID d&apos;opération</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>iw::Translations</name>
    <message>
        <source>System</source>
        <translation>Système</translation>
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
            <numerusform>%n nouvel échec d&apos;ingestion</numerusform>
            <numerusform>%n nouveaux échecs d&apos;ingestion</numerusform>
        </translation>
    </message>
    <message>
        <source>(no ErrorCode)</source>
        <translation>(aucun ErrorCode)</translation>
    </message>
    <message>
        <source>ErrorCode %1. Click to open the Notifications pane.</source>
        <translation>ErrorCode %1. Cliquez pour ouvrir le panneau Notifications.</translation>
    </message>
    <message>
        <source>Most frequent ErrorCode: %1. Click to open the Notifications pane.</source>
        <translation>ErrorCode le plus fréquent : %1. Cliquez pour ouvrir le panneau Notifications.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watch and steer Azure Data Explorer (Kusto) queued ingestion.</source>
        <translation>Surveiller et piloter l&apos;ingestion en file d&apos;attente d&apos;Azure Data Explorer (Kusto).</translation>
    </message>
    <message>
        <source>Use the local backend (Azurite + ingestwatch-sim) described by FILE, as written by scripts/backend (also: IW_LOCAL_BACKEND).</source>
        <translation>Utiliser le backend local (Azurite + ingestwatch-sim) décrit par FILE, tel qu&apos;écrit par scripts/backend (aussi : IW_LOCAL_BACKEND).</translation>
    </message>
    <message>
        <source>Start on the profile NAME.</source>
        <translation>Démarrer sur le profil NAME.</translation>
    </message>
    <message>
        <source>Use the archive FILE.</source>
        <translation>Utiliser l&apos;archive FILE.</translation>
    </message>
    <message>
        <source>Track the operation ID (repeatable).</source>
        <translation>Suivre l&apos;opération ID (répétable).</translation>
    </message>
    <message>
        <source>Grab the window and each pane to DIR/*.png after the delay, then quit.</source>
        <translation>Capturer la fenêtre et chaque panneau dans DIR/*.png après le délai, puis quitter.</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshots (default 12).</source>
        <translation>Secondes d&apos;attente avant les captures d&apos;écran (12 par défaut).</translation>
    </message>
    <message>
        <source>Submit a few tracked demo ingestions at start (for the local backend).</source>
        <translation>Soumettre quelques ingestions de démonstration suivies au démarrage (pour le backend local).</translation>
    </message>
    <message>
        <source>Cancel the smallest in-progress operation after 8 s (for screenshots).</source>
        <translation>Annuler la plus petite opération en cours après 8 s (pour les captures d&apos;écran).</translation>
    </message>
    <message>
        <source>Flag an operation as stalled when its counts have not moved for SECONDS (default: the saved setting, else 600).</source>
        <translation>Marquer une opération comme bloquée quand ses compteurs n&apos;ont pas bougé depuis SECONDS (par défaut : le réglage enregistré, sinon 600).</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Trousseau</translation>
    </message>
    <message>
        <source>secrets are kept in memory for this session only</source>
        <translation>les secrets ne sont gardés en mémoire que pour cette session</translation>
    </message>
</context>
</TS>
