<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>Rootline: investigate distributed traces.</source>
        <translation>Rootline: verteilte Traces untersuchen.</translation>
    </message>
    <message>
        <source>Trace file to open (Jaeger JSON, OTLP JSON, Tempo or Zipkin JSON).</source>
        <translation>Zu öffnende Trace-Datei (Jaeger JSON, OTLP JSON, Tempo oder Zipkin JSON).</translation>
    </message>
    <message>
        <source>Load FILE, save a picture of the window as a PNG file, and exit.</source>
        <translation>FILE laden, ein Bild des Fensters als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>only one FILE can be opened at a time</source>
        <translation>es lässt sich nur eine Datei (FILE) auf einmal öffnen</translation>
    </message>
</context>
<context>
    <name>LoadTask</name>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>RankingWeights</name>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1: nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>%1: too large for a weights file</source>
        <translation>%1: zu groß für eine Gewichtungsdatei</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Moving around</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Expanding and collapsing</source>
        <translation>Auf- und Zuklappen</translation>
    </message>
    <message>
        <source>Time axis</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Errors and find</source>
        <translation>Fehler und Suche</translation>
    </message>
    <message>
        <source>Next span</source>
        <translation>Nächster Span</translation>
    </message>
    <message>
        <source>Previous span</source>
        <translation>Vorheriger Span</translation>
    </message>
    <message>
        <source>First span</source>
        <translation>Erster Span</translation>
    </message>
    <message>
        <source>Last span</source>
        <translation>Letzter Span</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Seite nach unten</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Seite nach oben</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Nach unten scrollen</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Nach oben scrollen</translation>
    </message>
    <message>
        <source>Collapse the span, or go to its parent</source>
        <translation>Span zuklappen oder zu seinem Eltern-Span gehen</translation>
    </message>
    <message>
        <source>Expand the span, or go to its first child</source>
        <translation>Span aufklappen oder zu seinem ersten Kind-Span gehen</translation>
    </message>
    <message>
        <source>Expand or collapse the span</source>
        <translation>Span auf- oder zuklappen</translation>
    </message>
    <message>
        <source>Expand everything below</source>
        <translation>Alles darunter aufklappen</translation>
    </message>
    <message>
        <source>Collapse everything below</source>
        <translation>Alles darunter zuklappen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Expand one level</source>
        <translation>Eine Ebene aufklappen</translation>
    </message>
    <message>
        <source>Collapse one level</source>
        <translation>Eine Ebene zuklappen</translation>
    </message>
    <message>
        <source>Pan to earlier times</source>
        <translation>Zu früheren Zeiten verschieben</translation>
    </message>
    <message>
        <source>Pan to later times</source>
        <translation>Zu späteren Zeiten verschieben</translation>
    </message>
    <message>
        <source>Pan far to earlier times</source>
        <translation>Weit zu früheren Zeiten verschieben</translation>
    </message>
    <message>
        <source>Pan far to later times</source>
        <translation>Weit zu späteren Zeiten verschieben</translation>
    </message>
    <message>
        <source>Zoom in (also Ctrl+wheel, or drag across the bars)</source>
        <translation>Vergrößern (auch Strg+Mausrad oder über die Balken ziehen)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom to the selected span</source>
        <translation>Auf den ausgewählten Span zoomen</translation>
    </message>
    <message>
        <source>Show the whole trace</source>
        <translation>Den ganzen Trace anzeigen</translation>
    </message>
    <message>
        <source>Next error</source>
        <translation>Nächster Fehler</translation>
    </message>
    <message>
        <source>Previous error</source>
        <translation>Vorheriger Fehler</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Find spans (names, services, attributes, ids)</source>
        <translation>Spans suchen (Namen, Dienste, Attribute, IDs)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Copy the span id</source>
        <translation>Span-ID kopieren</translation>
    </message>
    <message>
        <source>Suspects and the critical path</source>
        <translation>Verdächtige und der kritische Pfad</translation>
    </message>
    <message>
        <source>Next suspect (by rank)</source>
        <translation>Nächster Verdächtiger (nach Rang)</translation>
    </message>
    <message>
        <source>Previous suspect</source>
        <translation>Vorheriger Verdächtiger</translation>
    </message>
    <message>
        <source>Show the critical path</source>
        <translation>Kritischen Pfad anzeigen</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <source>Explain this error (ask the model)</source>
        <translation>Diesen Fehler erklären (das Modell fragen)</translation>
    </message>
    <message>
        <source>Export a tracepack of the trace</source>
        <translation>Ein Tracepack des Traces exportieren</translation>
    </message>
    <message>
        <source>Model settings</source>
        <translation>Modelleinstellungen</translation>
    </message>
    <message>
        <source>Open a trace by id from Jaeger or Tempo</source>
        <translation>Einen Trace über seine ID aus Jaeger oder Tempo öffnen</translation>
    </message>
    <message>
        <source>Search traces on Jaeger or Tempo</source>
        <translation>Traces in Jaeger oder Tempo suchen</translation>
    </message>
    <message>
        <source>Show the trace&apos;s logs</source>
        <translation>Die Logs des Traces anzeigen</translation>
    </message>
    <message>
        <source>Show the metrics around the trace</source>
        <translation>Die Metriken um den Trace anzeigen</translation>
    </message>
    <message>
        <source>Open an OTLP log file for the trace in front</source>
        <translation>Eine OTLP-Logdatei für den vorderen Trace öffnen</translation>
    </message>
</context>
<context>
    <name>Waterfall</name>
    <message>
        <source>Service and operation</source>
        <translation>Dienst und Operation</translation>
    </message>
    <message>
        <source>%1 of %2 spans shown</source>
        <translation>%1 von %2 Spans angezeigt</translation>
    </message>
</context>
<context>
    <name>rootline::ui::AgentPanel</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 model call(s), %3 tool call(s), %4 failed; tokens %5 in / %6 out; cost ~%7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Modellaufruf(e), %3 Werkzeugaufruf(e), %4 fehlgeschlagen; Tokens %5 ein / %6 aus; Kosten ~%7</translation>
    </message>
    <message>
        <source> + %1 unpriced call(s)</source>
        <translation> + %1 Aufruf(e) ohne Preis</translation>
    </message>
    <message>
        <source>Show messages</source>
        <translation>Nachrichten zeigen</translation>
    </message>
    <message>
        <source>Edit Prices…</source>
        <translation>Preise bearbeiten…</translation>
    </message>
    <message>
        <source>Load the selected step&apos;s prompts and completions (redacted)</source>
        <translation>Prompts und Antworten des gewählten Schritts laden (geschwärzt)</translation>
    </message>
    <message>
        <source>Model prices in USD per million tokens, kept in %1</source>
        <translation>Modellpreise in USD pro Million Tokens, gespeichert in %1</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>(no agent)</source>
        <translation>(kein Agent)</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Costs are estimates from list prices (%1).</source>
        <translation>Kosten sind Schätzungen nach Listenpreisen (%1).</translation>
    </message>
    <message>
        <source>No price for: %1.</source>
        <translation>Kein Preis für: %1.</translation>
    </message>
    <message>
        <source>Select a step to see its decision, arguments and result.</source>
        <translation>Einen Schritt wählen, um Entscheidung, Argumente und Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Flag:</source>
        <translation>Markierung:</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Entscheidung:</translation>
    </message>
    <message>
        <source>Reasoning:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Context source:</source>
        <translation>Kontextquelle:</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Risiko:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Touched:</source>
        <translation>Berührt:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Tool call:</source>
        <translation>Werkzeugaufruf:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Nachrichten:</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>keine aufgezeichnet</translation>
    </message>
    <message>
        <source>Select a step.</source>
        <translation>Einen Schritt wählen.</translation>
    </message>
    <message>
        <source>No messages recorded for this step.</source>
        <translation>Für diesen Schritt sind keine Nachrichten aufgezeichnet.</translation>
    </message>
    <message>
        <source>Model Prices</source>
        <translation>Modellpreise</translation>
    </message>
    <message>
        <source>Model (pattern)</source>
        <translation>Modell (Muster)</translation>
    </message>
    <message>
        <source>Input $/M tokens</source>
        <translation>Eingabe $/M Tokens</translation>
    </message>
    <message>
        <source>Output $/M tokens</source>
        <translation>Ausgabe $/M Tokens</translation>
    </message>
    <message>
        <source>Add Row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Your prices override the built-in estimates (%1). A model matches by prefix or &apos;*&apos; glob.</source>
        <translation>Ihre Preise ersetzen die eingebauten Schätzungen (%1). Ein Modell passt per Präfix oder &apos;*&apos;-Muster.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::AgentStepsModel</name>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>retrieval</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderes</translation>
    </message>
    <message>
        <source>state-changing</source>
        <translation>zustandsändernd</translation>
    </message>
    <message>
        <source>destructive</source>
        <translation>destruktiv</translation>
    </message>
    <message>
        <source>without approval</source>
        <translation>ohne Freigabe</translation>
    </message>
    <message>
        <source>possible injection</source>
        <translation>mögliche Injektion</translation>
    </message>
    <message>
        <source>context: %1</source>
        <translation>Kontext: %1</translation>
    </message>
    <message>
        <source>risk: %1</source>
        <translation>Risiko: %1</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
    <message>
        <source>Arguments: %1</source>
        <translation>Argumente: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Flag %1: %2</source>
        <translation>Markierung %1: %2</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
    <message>
        <source>(no agent)</source>
        <translation>(kein Agent)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Model / tool</source>
        <translation>Modell / Werkzeug</translation>
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
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ConnectionListModel</name>
    <message>
        <source>Jaeger</source>
        <translation>Jaeger</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ConnectionProbe</name>
    <message>
        <source>401: the server rejected the credentials</source>
        <translation>401: Der Server hat die Zugangsdaten abgelehnt</translation>
    </message>
    <message>
        <source>403: these credentials may not read this (check the tenant and the rights)</source>
        <translation>403: Diese Zugangsdaten dürfen das nicht lesen (prüfen Sie den Mandanten und die Rechte)</translation>
    </message>
    <message>
        <source>404: nothing at that path — check the URL (sub-path?)</source>
        <translation>404: Unter diesem Pfad ist nichts — prüfen Sie die URL (Unterpfad?)</translation>
    </message>
    <message>
        <source>answered with a web page, not the API: check the URL</source>
        <translation>hat mit einer Webseite geantwortet, nicht mit der API: prüfen Sie die URL</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ConnectionTest</name>
    <message>
        <source>Connected: %1 answered in %2 ms</source>
        <translation>Verbunden: %1 hat in %2 ms geantwortet</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ConnectionsDialog</name>
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
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Add Header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>Verify the TLS certificate</source>
        <translation>TLS-Zertifikat prüfen</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>Stored in the settings file</source>
        <translation>In der Einstellungsdatei gespeichert</translation>
    </message>
    <message>
        <source>Secret file</source>
        <translation>Geheimnisdatei</translation>
    </message>
    <message>
        <source>name of the variable, e.g. %1</source>
        <translation>Name der Variablen, z. B. %1</translation>
    </message>
    <message>
        <source>kept in the settings file, readable by you alone (mode 0600)</source>
        <translation>wird in der Einstellungsdatei aufbewahrt, die nur Sie lesen können (Modus 0600)</translation>
    </message>
    <message>
        <source>sent as X-Scope-OrgID; empty for none</source>
        <translation>wird als X-Scope-OrgID gesendet; leer für keinen</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Or from variable</source>
        <translation>Oder aus Variable</translation>
    </message>
    <message>
        <source>When this environment variable is set, its value is sent instead</source>
        <translation>Ist diese Umgebungsvariable gesetzt, wird stattdessen ihr Wert gesendet</translation>
    </message>
    <message>
        <source>a PEM bundle to trust; empty for the system&apos;s</source>
        <translation>ein PEM-Bündel vertrauenswürdiger Zertifikate; leer für die des Systems</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Authentifizierung:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Secret from:</source>
        <translation>Geheimnis aus:</translation>
    </message>
    <message>
        <source>Tenant (X-Scope-OrgID):</source>
        <translation>Mandant (X-Scope-OrgID):</translation>
    </message>
    <message>
        <source>Extra headers:</source>
        <translation>Zusätzliche Header:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Secret File</source>
        <translation>Geheimnisdatei</translation>
    </message>
    <message>
        <source>CA Certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>%1. Nothing was loaded; Save replaces the file.</source>
        <translation>%1. Nichts wurde geladen; Speichern ersetzt die Datei.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Two connections are named &apos;%1&apos;: each needs a name of its own</source>
        <translation>Zwei Verbindungen heißen „%1“: jede braucht einen eigenen Namen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>a file only you can read (mode 0600); its first line is used</source>
        <translation>eine Datei, die nur Sie lesen können (Modus 0600); ihre erste Zeile wird verwendet</translation>
    </message>
    <message>
        <source>Default (%1 s)</source>
        <translation>Standard (%1 s)</translation>
    </message>
    <message>
        <source>How far before and after the trace to look</source>
        <translation>Wie weit vor und nach dem Trace gesucht wird</translation>
    </message>
    <message>
        <source>LogQL; ${traceId} and ${services} (a regular expression of the trace&apos;s services) are filled in. Empty: the default shown.</source>
        <translation>LogQL; ${traceId} und ${services} (ein regulärer Ausdruck der Dienste des Traces) werden eingesetzt. Leer: die angezeigte Vorgabe.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>PromQL</source>
        <translation>PromQL</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>${services}, ${range} and ${traceId} are filled in</source>
        <translation>${services}, ${range} und ${traceId} werden eingesetzt</translation>
    </message>
    <message>
        <source>Add Chart</source>
        <translation>Diagramm hinzufügen</translation>
    </message>
    <message>
        <source>Remove Chart</source>
        <translation>Diagramm entfernen</translation>
    </message>
    <message>
        <source>Default Charts</source>
        <translation>Standarddiagramme</translation>
    </message>
    <message>
        <source>Request rate, error ratio and p95 latency of the span metrics</source>
        <translation>Anfragerate, Fehlerquote und p95-Latenz der Span-Metriken</translation>
    </message>
    <message>
        <source>The exemplar labels that hold a trace id, tried in order, separated by commas</source>
        <translation>Die Exemplar-Labels, die eine Trace-ID enthalten, der Reihe nach versucht, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The Jaeger or Tempo connection that opens an exemplar&apos;s trace</source>
        <translation>Die Jaeger- oder Tempo-Verbindung, die den Trace eines Exemplars öffnet</translation>
    </message>
    <message>
        <source>Time margin:</source>
        <translation>Zeitspielraum:</translation>
    </message>
    <message>
        <source>LogQL:</source>
        <translation>LogQL:</translation>
    </message>
    <message>
        <source>Charts:</source>
        <translation>Diagramme:</translation>
    </message>
    <message>
        <source>Exemplar labels:</source>
        <translation>Exemplar-Labels:</translation>
    </message>
    <message>
        <source>Open exemplars with:</source>
        <translation>Exemplare öffnen mit:</translation>
    </message>
    <message>
        <source>Where the trace came from, else the first</source>
        <translation>Woher der Trace kam, sonst die erste</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::DetailTreeView</name>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy as key=value</source>
        <translation>Als Schlüssel=Wert kopieren</translation>
    </message>
    <message>
        <source>Go to span</source>
        <translation>Zum Span gehen</translation>
    </message>
</context>
<context>
    <name>rootline::ui::EmptyStateWidget</name>
    <message>
        <source>Reads Jaeger JSON, OTLP JSON (also from Tempo) and Zipkin JSON files.</source>
        <translation>Liest Jaeger-JSON-, OTLP-JSON- (auch aus Tempo) und Zipkin-JSON-Dateien.</translation>
    </message>
    <message>
        <source>Open File…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>No trace loaded</source>
        <translation>Kein Trace geladen</translation>
    </message>
    <message>
        <source>Open a trace file with File › Open… (Ctrl+O), drop one onto this window, or start Rootline with the file: rootline FILE</source>
        <translation>Öffnen Sie eine Trace-Datei über Datei › Öffnen… (Strg+O), ziehen Sie eine auf dieses Fenster oder starten Sie Rootline mit der Datei: rootline DATEI</translation>
    </message>
    <message>
        <source>%1 holds no traces</source>
        <translation>%1 enthält keine Traces</translation>
    </message>
    <message>
        <source>The file was read, but it contains no spans. Open another file with File › Open… (Ctrl+O) or drop one onto this window.</source>
        <translation>Die Datei wurde gelesen, enthält aber keine Spans. Öffnen Sie eine andere Datei über Datei › Öffnen… (Strg+O) oder ziehen Sie eine auf dieses Fenster.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ExceptionBox</name>
    <message>
        <source>Exceptions (%1)</source>
        <translation>Ausnahmen (%1)</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>(no type or message recorded)</source>
        <translation>(weder Typ noch Meldung aufgezeichnet)</translation>
    </message>
    <message>
        <source>recorded %1 after the span&apos;s start</source>
        <translation>%1 nach Span-Beginn aufgezeichnet</translation>
    </message>
    <message>
        <source>from the span&apos;s attributes</source>
        <translation>aus den Attributen des Spans</translation>
    </message>
</context>
<context>
    <name>rootline::ui::FindBar</name>
    <message>
        <source>Find spans: text, &quot;phrase&quot;, key=value</source>
        <translation>Spans suchen: Text, &quot;Phrase&quot;, Schlüssel=Wert</translation>
    </message>
    <message>
        <source>Every term must match. Text is looked for in operation names, services, attribute keys and values, events and span ids; a &quot;quoted phrase&quot; is one term; key=value matches an attribute whose value contains the text.
Enter, F3: next match. Shift+Enter, Shift+F3: previous. Esc: clear.</source>
        <translation>Jeder Begriff muss passen. Text wird in Operationsnamen, Diensten, Attributschlüsseln und -werten, Ereignissen und Span-IDs gesucht; eine &quot;Phrase in Anführungszeichen&quot; gilt als ein Begriff; Schlüssel=Wert passt auf ein Attribut, dessen Wert den Text enthält.
Enter, F3: nächster Treffer. Umschalt+Enter, Umschalt+F3: vorheriger. Esc: leeren.</translation>
    </message>
    <message>
        <source>Clear the query (Esc)</source>
        <translation>Suchanfrage leeren (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Enter, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Enter, F3)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>Hide the spans that do not match (their ancestors stay, for the path)</source>
        <translation>Nicht passende Spans ausblenden (ihre Vorfahren bleiben für den Pfad sichtbar)</translation>
    </message>
    <message>
        <source>Spans hidden by the find filter and the service filter</source>
        <translation>Durch den Suchfilter und den Dienstfilter ausgeblendete Spans</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>No spans hidden</source>
        <translation>Keine Spans ausgeblendet</translation>
    </message>
    <message>
        <source>1 span hidden</source>
        <translation>1 Span ausgeblendet</translation>
    </message>
    <message>
        <source>%1 spans hidden</source>
        <translation>%1 Spans ausgeblendet</translation>
    </message>
    <message>
        <source>1 span hidden (1 error)</source>
        <translation>1 Span ausgeblendet (1 Fehler)</translation>
    </message>
    <message>
        <source>%1 spans hidden (1 error)</source>
        <translation>%1 Spans ausgeblendet (1 Fehler)</translation>
    </message>
    <message>
        <source>%1 spans hidden (%2 errors)</source>
        <translation>%1 Spans ausgeblendet (%2 Fehler)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::HistoryJobs</name>
    <message>
        <source>No place for the history: neither $XDG_DATA_HOME nor $HOME is set</source>
        <translation>Kein Ort für den Verlauf: weder $XDG_DATA_HOME noch $HOME ist gesetzt</translation>
    </message>
    <message>
        <source>Investigation %1 is not in the history</source>
        <translation>Untersuchung %1 ist nicht im Verlauf</translation>
    </message>
</context>
<context>
    <name>rootline::ui::HistoryModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Provider/model</source>
        <translation>Anbieter/Modell</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Lösung</translation>
    </message>
</context>
<context>
    <name>rootline::ui::HistoryPanel</name>
    <message>
        <source>Double-click an investigation to show its verdict again</source>
        <translation>Doppelklick auf eine Untersuchung zeigt ihr Urteil erneut</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Verify Audit Chain</source>
        <translation>Prüfkette verifizieren</translation>
    </message>
    <message>
        <source>Check that no recorded investigation was changed, removed or reordered</source>
        <translation>Prüfen, dass keine aufgezeichnete Untersuchung geändert, entfernt oder umsortiert wurde</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1. Explaining still works; runs are not recorded.</source>
        <translation>Der Verlauf lässt sich nicht öffnen: %1. Erklären funktioniert weiterhin; Durchläufe werden nicht aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n investigation(s) in %1</source>
        <translation>
            <numerusform>%n Untersuchung in %1</numerusform>
            <numerusform>%n Untersuchungen in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Prüfkette wird geprüft…</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1</source>
        <translation>Der Verlauf lässt sich nicht öffnen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Audit chain intact: %n record(s); newest hash %1</source>
        <translation>
            <numerusform>Prüfkette intakt: %n Eintrag; neuester Hash %1</numerusform>
            <numerusform>Prüfkette intakt: %n Einträge; neuester Hash %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit chain BROKEN at record %1: %2</source>
        <translation>Prüfkette UNTERBROCHEN bei Eintrag %1: %2</translation>
    </message>
</context>
<context>
    <name>rootline::ui::KeyboardShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>Maus</translation>
    </message>
    <message>
        <source>Select a span</source>
        <translation>Span auswählen</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klicken</translation>
    </message>
    <message>
        <source>Expand or collapse</source>
        <translation>Auf- oder zuklappen</translation>
    </message>
    <message>
        <source>Click the triangle, or double-click the name</source>
        <translation>Auf das Dreieck klicken oder auf den Namen doppelklicken</translation>
    </message>
    <message>
        <source>Zoom to a time range</source>
        <translation>Auf einen Zeitbereich zoomen</translation>
    </message>
    <message>
        <source>Drag across the bars or the minimap</source>
        <translation>Über die Balken oder die Minimap ziehen</translation>
    </message>
    <message>
        <source>Zoom to a span</source>
        <translation>Auf einen Span zoomen</translation>
    </message>
    <message>
        <source>Double-click its bar</source>
        <translation>Auf seinen Balken doppelklicken</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>Um den Mauszeiger herum zoomen</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Pan in time</source>
        <translation>Zeitlich verschieben</translation>
    </message>
    <message>
        <source>Shift+Wheel, or drag with the middle button</source>
        <translation>Umschalt+Mausrad oder mit der mittleren Maustaste ziehen</translation>
    </message>
    <message>
        <source>Move the view</source>
        <translation>Ansicht verschieben</translation>
    </message>
    <message>
        <source>Drag the frame in the minimap</source>
        <translation>Den Rahmen in der Minimap ziehen</translation>
    </message>
    <message>
        <source>Show the whole trace</source>
        <translation>Den ganzen Trace anzeigen</translation>
    </message>
    <message>
        <source>Double-click the minimap</source>
        <translation>Auf die Minimap doppelklicken</translation>
    </message>
</context>
<context>
    <name>rootline::ui::LoadJob</name>
    <message>
        <source>%1: the load ended without a result</source>
        <translation>%1: Das Laden endete ohne Ergebnis</translation>
    </message>
</context>
<context>
    <name>rootline::ui::LoadProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading and keep what is shown (Esc)</source>
        <translation>Laden abbrechen und das Angezeigte behalten (Esc)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird abgerufen…</translation>
    </message>
</context>
<context>
    <name>rootline::ui::LogLinesModel</name>
    <message>
        <source>span event</source>
        <translation>Span-Ereignis</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>OTLP log file</source>
        <translation>OTLP-Logdatei</translation>
    </message>
    <message>
        <source> (%1%2 from the trace&apos;s start)</source>
        <translation> (%1%2 ab dem Beginn des Traces)</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message>
        <source>Tied to its span by service and time: the line names no span</source>
        <translation>Über Dienst und Zeit seinem Span zugeordnet: die Zeile nennt keinen Span</translation>
    </message>
    <message>
        <source>… and %1 more fields</source>
        <translation>… und %1 weitere Felder</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>rootline::ui::LogsPanel</name>
    <message>
        <source>Selected span only</source>
        <translation>Nur ausgewählter Span</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Info and worse</source>
        <translation>Info und schlimmer</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Meldungen filtern</translation>
    </message>
    <message>
        <source>Only the lines of the span selected in the waterfall</source>
        <translation>Nur die Zeilen des im Wasserfall ausgewählten Spans</translation>
    </message>
    <message>
        <source>Fetching the logs was cancelled</source>
        <translation>Das Abrufen der Logs wurde abgebrochen</translation>
    </message>
    <message>
        <source>Asking Loki &apos;%1&apos; (%2) for the trace&apos;s logs…</source>
        <translation>Loki „%1“ (%2) wird nach den Logs des Traces gefragt…</translation>
    </message>
    <message>
        <source>Loki &apos;%1&apos;: %2</source>
        <translation>Loki „%1“: %2</translation>
    </message>
    <message>
        <source>Loki &apos;%1&apos; has no lines for this trace</source>
        <translation>Loki „%1“ hat keine Zeilen zu diesem Trace</translation>
    </message>
    <message>
        <source>Loki &apos;%1&apos;: %2 lines, %3 tied to spans by id and %4 by service and time</source>
        <translation>Loki „%1“: %2 Zeilen, %3 über die ID und %4 über Dienst und Zeit Spans zugeordnet</translation>
    </message>
    <message>
        <source>; the line limit was reached: there may be more</source>
        <translation>; die Zeilengrenze wurde erreicht: es kann mehr geben</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>Span events only: add a Loki connection (File › Connections…) to see the services&apos; logs here, or open an OTLP log file (File › Open Logs File…)</source>
        <translation>Nur Span-Ereignisse: Fügen Sie eine Loki-Verbindung hinzu (Datei › Verbindungen…), um hier die Logs der Dienste zu sehen, oder öffnen Sie eine OTLP-Logdatei (Datei › Logdatei öffnen…)</translation>
    </message>
    <message>
        <source>%1: %2 lines</source>
        <translation>%1: %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>rootline::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a trace file</source>
        <translation>Eine Trace-Datei öffnen</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Rootline</source>
        <translation>&amp;Über Rootline</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Open Trace File</source>
        <translation>Trace-Datei öffnen</translation>
    </message>
    <message>
        <source>About Rootline</source>
        <translation>Über Rootline</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rootline %1&lt;/h3&gt;&lt;p&gt;Investigate distributed traces on your workstation.&lt;/p&gt;&lt;p&gt;Reads Jaeger JSON, OTLP JSON (also from Tempo) and Zipkin JSON files.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rootline %1&lt;/h3&gt;&lt;p&gt;Verteilte Traces am eigenen Arbeitsplatz untersuchen.&lt;/p&gt;&lt;p&gt;Liest Jaeger-JSON-, OTLP-JSON- (auch aus Tempo) und Zipkin-JSON-Dateien.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Das Laden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled; still showing %2.</source>
        <translation>Das Laden von %1 wurde abgebrochen; weiterhin wird %2 angezeigt.</translation>
    </message>
    <message>
        <source>Could not load %1; still showing %2</source>
        <translation>%1 konnte nicht geladen werden; weiterhin wird %2 angezeigt</translation>
    </message>
    <message>
        <source>%1: %2 (%3 warnings in all; see the tooltip)</source>
        <translation>%1: %2 (insgesamt %3 Warnungen; siehe Tooltip)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Rootline</source>
        <translation>Rootline</translation>
    </message>
    <message>
        <source>Rootline — %1</source>
        <translation>Rootline — %1</translation>
    </message>
    <message>
        <source>No file loaded</source>
        <translation>Keine Datei geladen</translation>
    </message>
    <message>
        <source>%1 · traces: %2 · spans: %3 · errors: %4</source>
        <translation>%1 · Traces: %2 · Spans: %3 · Fehler: %4</translation>
    </message>
    <message>
        <source>Rootline opens one file at a time; opening %1</source>
        <translation>Rootline öffnet jeweils nur eine Datei; %1 wird geöffnet</translation>
    </message>
    <message>
        <source>Loaded %1 in %2</source>
        <translation>%1 in %2 geladen</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>The traces of the open file</source>
        <translation>Die Traces der geöffneten Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Close Trace</source>
        <translation>Trace &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>%1 no longer exists; removed it from the recent files.</source>
        <translation>%1 existiert nicht mehr; aus den zuletzt geöffneten Dateien entfernt.</translation>
    </message>
    <message>
        <source>Mark the sections of the spans that the trace&apos;s end waited for</source>
        <translation>Die Abschnitte der Spans markieren, auf die das Ende des Traces gewartet hat</translation>
    </message>
    <message>
        <source>&amp;Export Tracepack…</source>
        <translation>Tracepack &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the failure of the shown trace as a small, redacted file to share</source>
        <translation>Den Fehler des angezeigten Traces als kleine, geschwärzte Datei zum Teilen speichern</translation>
    </message>
    <message>
        <source>Trace files (*.json *.ndjson);;Tracepacks (*.tracepack.json);;All files (*)</source>
        <translation>Trace-Dateien (*.json *.ndjson);;Tracepacks (*.tracepack.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Investigation History</source>
        <translation>Untersuchungsverlauf</translation>
    </message>
    <message>
        <source>&amp;Investigate</source>
        <translation>&amp;Untersuchen</translation>
    </message>
    <message>
        <source>&amp;Explain This Error</source>
        <translation>Diesen Fehler &amp;erklären</translation>
    </message>
    <message>
        <source>Ask the model chosen in the settings what caused this trace&apos;s failure; the verdict is checked against the trace</source>
        <translation>Das in den Einstellungen gewählte Modell fragen, was den Fehler dieses Traces verursacht hat; das Urteil wird am Trace geprüft</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Past investigations, their verdicts and resolution notes</source>
        <translation>Frühere Untersuchungen, ihre Urteile und Lösungsnotizen</translation>
    </message>
    <message>
        <source>&amp;Model Settings…</source>
        <translation>&amp;Modelleinstellungen…</translation>
    </message>
    <message>
        <source>Choose the model that explains errors, and its connection</source>
        <translation>Das Modell wählen, das Fehler erklärt, und seine Verbindung</translation>
    </message>
    <message>
        <source>Trace %1 is not open, and its investigation kept no tracepack to open.</source>
        <translation>Trace %1 ist nicht geöffnet, und seine Untersuchung hat kein Tracepack zum Öffnen aufbewahrt.</translation>
    </message>
    <message>
        <source>Open the Stored Tracepack?</source>
        <translation>Gespeichertes Tracepack öffnen?</translation>
    </message>
    <message>
        <source>Trace %1 is not open. Open the tracepack that was sent to the model, and show the verdict on it?</source>
        <translation>Trace %1 ist nicht geöffnet. Das Tracepack öffnen, das an das Modell gesendet wurde, und das Urteil darauf zeigen?</translation>
    </message>
    <message>
        <source>Search Traces</source>
        <translation>Traces suchen</translation>
    </message>
    <message>
        <source>Open Trace &amp;ID…</source>
        <translation>Trace-&amp;ID öffnen…</translation>
    </message>
    <message>
        <source>Open a trace from Jaeger or Tempo by its id</source>
        <translation>Einen Trace über seine ID aus Jaeger oder Tempo öffnen</translation>
    </message>
    <message>
        <source>&amp;Search Traces</source>
        <translation>Traces &amp;suchen</translation>
    </message>
    <message>
        <source>Find traces on a Jaeger or Tempo server</source>
        <translation>Traces auf einem Jaeger- oder Tempo-Server finden</translation>
    </message>
    <message>
        <source>Recent Re&amp;mote Traces</source>
        <translation>Zuletzt abgerufene &amp;Remote-Traces</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>The Jaeger, Tempo, Loki and Prometheus servers Rootline talks to</source>
        <translation>Die Jaeger-, Tempo-, Loki- und Prometheus-Server, mit denen Rootline spricht</translation>
    </message>
    <message>
        <source>There is no connection named &apos;%1&apos;</source>
        <translation>Es gibt keine Verbindung namens „%1“</translation>
    </message>
    <message>
        <source>%1: %2…</source>
        <translation>%1: %2…</translation>
    </message>
    <message>
        <source>Fetching the trace was cancelled.</source>
        <translation>Das Abrufen des Traces wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>No remote traces yet</source>
        <translation>Noch keine Remote-Traces</translation>
    </message>
    <message>
        <source>%1: %2… (%3)</source>
        <translation>%1: %2… (%3)</translation>
    </message>
    <message>
        <source>Opens the copy kept on this machine, without the server</source>
        <translation>Öffnet die auf diesem Rechner aufbewahrte Kopie, ohne den Server</translation>
    </message>
    <message>
        <source>Open &amp;Logs File…</source>
        <translation>&amp;Logdatei öffnen…</translation>
    </message>
    <message>
        <source>Show the lines of an OTLP JSON log file under the spans of this trace</source>
        <translation>Die Zeilen einer OTLP-JSON-Logdatei unter den Spans dieses Traces anzeigen</translation>
    </message>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Logs</translation>
    </message>
    <message>
        <source>The trace&apos;s span events and its services&apos; log lines</source>
        <translation>Die Span-Ereignisse des Traces und die Logzeilen seiner Dienste</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>Request rate, errors and latency around the trace</source>
        <translation>Anfragerate, Fehler und Latenz um den Trace</translation>
    </message>
    <message>
        <source>Open Logs File</source>
        <translation>Logdatei öffnen</translation>
    </message>
    <message>
        <source>OTLP JSON logs (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>OTLP-JSON-Logs (*.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a trace first: a log file&apos;s lines are shown under the spans of the trace in front</source>
        <translation>Öffnen Sie zuerst einen Trace: die Zeilen einer Logdatei erscheinen unter den Spans des vorderen Traces</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>%1: %2 of its %3 lines belong to this trace</source>
        <translation>%1: %2 seiner %3 Zeilen gehören zu diesem Trace</translation>
    </message>
    <message>
        <source>Cannot open trace %1: there is no Jaeger or Tempo connection to fetch it from. Add one in File › Connections…</source>
        <translation>Trace %1 lässt sich nicht öffnen: es gibt keine Jaeger- oder Tempo-Verbindung, von der er sich abrufen ließe. Fügen Sie eine unter Datei › Verbindungen… hinzu</translation>
    </message>
</context>
<context>
    <name>rootline::ui::MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
</context>
<context>
    <name>rootline::ui::MetricChartView</name>
    <message>
        <source>This trace</source>
        <translation>Dieser Trace</translation>
    </message>
    <message>
        <source>Exemplars</source>
        <translation>Exemplare</translation>
    </message>
    <message>
        <source>This trace
%1 at %2</source>
        <translation>Dieser Trace
%1 um %2</translation>
    </message>
    <message>
        <source>Trace %1…
%2 at %3
Click to open it</source>
        <translation>Trace %1…
%2 um %3
Zum Öffnen klicken</translation>
    </message>
    <message>
        <source>Exemplars: %1</source>
        <translation>Exemplare: %1</translation>
    </message>
    <message>
        <source>No data for this query in the window</source>
        <translation>Keine Daten für diese Abfrage im Zeitfenster</translation>
    </message>
    <message>
        <source>%1
The violet band is this trace; the orange diamonds are exemplars: click one to open its trace.</source>
        <translation>%1
Das violette Band ist dieser Trace; die orangen Rauten sind Exemplare: ein Klick öffnet ihren Trace.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::MetricsPanel</name>
    <message>
        <source>Edit Queries…</source>
        <translation>Abfragen bearbeiten…</translation>
    </message>
    <message>
        <source>The chart queries (PromQL), exemplar labels and time margin of this connection</source>
        <translation>Die Diagrammabfragen (PromQL), Exemplar-Labels und der Zeitspielraum dieser Verbindung</translation>
    </message>
    <message>
        <source>No Prometheus connection yet.
Add one in File › Connections… to see request rate, errors and latency of this trace&apos;s services around its time, with exemplars that open other traces.</source>
        <translation>Noch keine Prometheus-Verbindung.
Fügen Sie unter Datei › Verbindungen… eine hinzu, um Anfragerate, Fehler und Latenz der Dienste dieses Traces um seine Zeit zu sehen, mit Exemplaren, die andere Traces öffnen.</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen…</translation>
    </message>
    <message>
        <source>Fetching the metrics was cancelled</source>
        <translation>Das Abrufen der Metriken wurde abgebrochen</translation>
    </message>
    <message>
        <source>Asking Prometheus &apos;%1&apos; (%2) about the trace&apos;s services…</source>
        <translation>Prometheus „%1“ (%2) wird nach den Diensten des Traces gefragt…</translation>
    </message>
    <message>
        <source>Prometheus &apos;%1&apos;: %2</source>
        <translation>Prometheus „%1“: %2</translation>
    </message>
    <message>
        <source>Prometheus &apos;%1&apos;: %2 charts from %3 to %4, %5 exemplars</source>
        <translation>Prometheus „%1“: %2 Diagramme von %3 bis %4, %5 Exemplare</translation>
    </message>
    <message>
        <source>; %1 of them failed (see below each)</source>
        <translation>; %1 davon fehlgeschlagen (siehe unter dem jeweiligen)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::OpenTraceDialog</name>
    <message>
        <source>Open Trace ID</source>
        <translation>Trace-ID öffnen</translation>
    </message>
    <message>
        <source>4bf92f3577b34da6a3ce929d0e0e4736, or base64</source>
        <translation>4bf92f3577b34da6a3ce929d0e0e4736 oder Base64</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Trace ID:</source>
        <translation>&amp;Trace-ID:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>No Jaeger or Tempo connection yet: add one with Connections…</source>
        <translation>Noch keine Jaeger- oder Tempo-Verbindung: Fügen Sie eine über Verbindungen… hinzu</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ProviderPage</name>
    <message>
        <source>Test Connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The key is kept only in the settings file, readable by you alone (mode 0600). When the environment variable above is set, it wins over this field.</source>
        <translation>Der Schlüssel wird nur in der Einstellungsdatei aufbewahrt, die nur Sie lesen können (Modus 0600). Ist die Umgebungsvariable oben gesetzt, hat sie Vorrang vor diesem Feld.</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>API key variable:</source>
        <translation>Variable des API-Schlüssels:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Max output tokens:</source>
        <translation>Max. Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>The offline analyst runs inside Rootline: no network, no key, nothing leaves this computer.</source>
        <translation>Der Offline-Analyst läuft in Rootline: kein Netzwerk, kein Schlüssel, nichts verlässt diesen Rechner.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ProviderSettingsDialog</name>
    <message>
        <source>Offline analyst (built in)</source>
        <translation>Offline-Analyst (eingebaut)</translation>
    </message>
    <message>
        <source>OpenAI or compatible</source>
        <translation>OpenAI oder kompatibel</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Model Settings</source>
        <translation>Modelleinstellungen</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Explain errors with:</source>
        <translation>Fehler erklären mit:</translation>
    </message>
    <message>
        <source>%1. The defaults are shown; Save replaces the file.</source>
        <translation>%1. Die Standardwerte werden angezeigt; Speichern ersetzt die Datei.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>rootline::ui::RemoteFetch</name>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Fetching was cancelled</source>
        <translation>Das Abrufen wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ResultsPlot</name>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>With errors</source>
        <translation>Mit Fehlern</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>%1: %2
%3, %4 errors</source>
        <translation>%1: %2
%3, %4 Fehler</translation>
    </message>
</context>
<context>
    <name>rootline::ui::RootListModel</name>
    <message>
        <source>%1: %2 (span %3, parent missing)</source>
        <translation>%1: %2 (Span %3, Eltern-Span fehlt)</translation>
    </message>
    <message>
        <source>%1: %2 (span %3)</source>
        <translation>%1: %2 (Span %3)</translation>
    </message>
    <message>
        <source>Span %1 names a parent span that is not in this trace</source>
        <translation>Span %1 nennt einen Eltern-Span, der nicht in diesem Trace ist</translation>
    </message>
    <message>
        <source>Span %1 has no parent</source>
        <translation>Span %1 hat keinen Eltern-Span</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ScreenshotRunner</name>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>%1: %2, traces: %3, spans: %4</source>
        <translation>%1: %2, Traces: %3, Spans: %4</translation>
    </message>
    <message>
        <source>load failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>rootline: could not save the screenshot to %1</source>
        <translation>rootline: Das Bildschirmfoto konnte nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>rootline: saved %1 (%2)</source>
        <translation>rootline: %1 gespeichert (%2)</translation>
    </message>
    <message>
        <source>rootline: the load did not finish within %1 s; no screenshot taken</source>
        <translation>rootline: Das Laden wurde nicht innerhalb von %1 s fertig; kein Bildschirmfoto erstellt</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SearchPanel</name>
    <message>
        <source>&amp;Find Traces</source>
        <translation>Traces &amp;finden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The Jaeger or Tempo server to search</source>
        <translation>Der zu durchsuchende Jaeger- oder Tempo-Server</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen…</translation>
    </message>
    <message>
        <source>Add or change the servers Rootline talks to</source>
        <translation>Server hinzufügen oder ändern, mit denen Rootline spricht</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 2 days</source>
        <translation>Letzte 2 Tage</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>&amp;Lookback:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Li&amp;mit:</source>
        <translation>Li&amp;mit:</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the trace</source>
        <translation>Doppelklick oder Enter öffnet den Trace</translation>
    </message>
    <message>
        <source>Span tags in logfmt, as in Jaeger UI; quote values with spaces</source>
        <translation>Span-Tags in logfmt wie in Jaeger UI; Werte mit Leerzeichen in Anführungszeichen</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Operation:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Min duration:</source>
        <translation>Mindestdauer:</translation>
    </message>
    <message>
        <source>Max duration:</source>
        <translation>Höchstdauer:</translation>
    </message>
    <message>
        <source>TraceQL; tag names and values complete as you type</source>
        <translation>TraceQL; Tag-Namen und -Werte werden beim Tippen ergänzt</translation>
    </message>
    <message>
        <source>Matching spans shown per trace (spss)</source>
        <translation>Angezeigte passende Spans pro Trace (spss)</translation>
    </message>
    <message>
        <source>&amp;TraceQL:</source>
        <translation>&amp;TraceQL:</translation>
    </message>
    <message>
        <source>Spans per set:</source>
        <translation>Spans pro Set:</translation>
    </message>
    <message>
        <source>No Jaeger or Tempo connection yet. Add one with Connections…</source>
        <translation>Noch keine Jaeger- oder Tempo-Verbindung. Fügen Sie eine über Verbindungen… hinzu</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Choose a service: Jaeger searches one service at a time</source>
        <translation>Wählen Sie einen Dienst: Jaeger durchsucht jeweils einen Dienst</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <source>No traces matched.</source>
        <translation>Keine passenden Traces.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s), %1 with errors, in %2 s</source>
        <translation>
            <numerusform>%n Trace, %1 mit Fehlern, in %2 s</numerusform>
            <numerusform>%n Traces, %1 mit Fehlern, in %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Search cancelled; the results shown are from before.</source>
        <translation>Suche abgebrochen; die angezeigten Ergebnisse sind von vorher.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SearchResultsModel</name>
    <message>
        <source>Services: %1</source>
        <translation>Dienste: %1</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ServiceLegend</name>
    <message>
        <source>Sort</source>
        <translation>Sortieren</translation>
    </message>
    <message>
        <source>Order of the services in this list</source>
        <translation>Reihenfolge der Dienste in dieser Liste</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Show the spans of every service</source>
        <translation>Die Spans aller Dienste anzeigen</translation>
    </message>
    <message>
        <source>Only this</source>
        <translation>Nur diesen</translation>
    </message>
    <message>
        <source>Show only the spans of the selected service (double-click a service for the same)</source>
        <translation>Nur die Spans des ausgewählten Dienstes anzeigen (ein Doppelklick auf einen Dienst bewirkt dasselbe)</translation>
    </message>
    <message>
        <source>Order of appearance</source>
        <translation>Reihenfolge des Auftretens</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Most spans</source>
        <translation>Meiste Spans</translation>
    </message>
    <message>
        <source>Most errors</source>
        <translation>Meiste Fehler</translation>
    </message>
    <message>
        <source>Only this service</source>
        <translation>Nur diesen Dienst</translation>
    </message>
    <message>
        <source>Hide this service</source>
        <translation>Diesen Dienst ausblenden</translation>
    </message>
    <message>
        <source>Show this service</source>
        <translation>Diesen Dienst anzeigen</translation>
    </message>
    <message>
        <source>Services (%1)</source>
        <translation>Dienste (%1)</translation>
    </message>
    <message>
        <source>Services (%1 of %2 shown)</source>
        <translation>Dienste (%1 von %2 angezeigt)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ServiceLegendColumns</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ServiceLegendModel</name>
    <message>
        <source>1 span</source>
        <translation>1 Span</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>%1 Spans</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>rootline::ui::ServiceTableModel</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Spans of %1 with error status: %2 of %3</source>
        <translation>Spans von %1 mit Fehlerstatus: %2 von %3</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SourceBar</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The connection to ask</source>
        <translation>Die zu fragende Verbindung</translation>
    </message>
    <message>
        <source>Ask the server again</source>
        <translation>Den Server erneut fragen</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SpanAttributesModel</name>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>%1: No attributes</source>
        <translation>%1: Keine Attribute</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Attributes the instrumentation recorded on this span</source>
        <translation>Attribute, die die Instrumentierung an diesem Span aufgezeichnet hat</translation>
    </message>
    <message>
        <source>Attributes of the process that recorded this span (its resource)</source>
        <translation>Attribute des Prozesses, der diesen Span aufgezeichnet hat (seine Ressource)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SpanDetailsPanel</name>
    <message>
        <source>Select a span</source>
        <translation>Wählen Sie einen Span aus</translation>
    </message>
    <message>
        <source>Click a span in the waterfall to see its attributes, events and links</source>
        <translation>Klicken Sie im Wasserfall auf einen Span, um seine Attribute, Ereignisse und Links zu sehen</translation>
    </message>
    <message>
        <source>Filter by key or value</source>
        <translation>Nach Schlüssel oder Wert filtern</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Kein Trace</translation>
    </message>
    <message>
        <source>Attributes (%1)</source>
        <translation>Attribute (%1)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Ereignisse (%1)</translation>
    </message>
    <message>
        <source>Links (%1)</source>
        <translation>Links (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>Logs (%1)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SpanEventsModel</name>
    <message>
        <source>%1 (UTC)
%2 from the span&apos;s start, %3 from the trace&apos;s start</source>
        <translation>%1 (UTC)
%2 ab Span-Beginn, %3 ab Trace-Beginn</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SpanHeader</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Time not covered by any child span</source>
        <translation>Zeit, die von keinem Kind-Span abgedeckt ist</translation>
    </message>
    <message>
        <source>Span ID (select to copy)</source>
        <translation>Span-ID (zum Kopieren markieren)</translation>
    </message>
    <message>
        <source>Instrumentation scope: the library that recorded this span</source>
        <translation>Instrumentierungsbereich: die Bibliothek, die diesen Span aufgezeichnet hat</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>producer</source>
        <translation>Producer</translation>
    </message>
    <message>
        <source>consumer</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>Status: unset</source>
        <translation>Status: nicht gesetzt</translation>
    </message>
    <message>
        <source>Status: OK</source>
        <translation>Status: OK</translation>
    </message>
    <message>
        <source>Status: Error</source>
        <translation>Status: Fehler</translation>
    </message>
    <message>
        <source>Status: Error (inferred from HTTP %1)</source>
        <translation>Status: Fehler (abgeleitet aus HTTP %1)</translation>
    </message>
    <message>
        <source>Status: Error (inferred from gRPC status %1)</source>
        <translation>Status: Fehler (abgeleitet aus gRPC-Status %1)</translation>
    </message>
    <message>
        <source>Status: Error (inferred)</source>
        <translation>Status: Fehler (abgeleitet)</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Beginn: %1</translation>
    </message>
    <message>
        <source>%1 (UTC), %2 after the trace&apos;s start</source>
        <translation>%1 (UTC), %2 nach Trace-Beginn</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Self time: %1</source>
        <translation>Eigenzeit: %1</translation>
    </message>
    <message>
        <source>Span ID: %1</source>
        <translation>Span-ID: %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Bereich: %1</translation>
    </message>
    <message>
        <source>Scope: %1 %2</source>
        <translation>Bereich: %1 %2</translation>
    </message>
    <message>
        <source>Go to the parent span: %1: %2</source>
        <translation>Zum Eltern-Span gehen: %1: %2</translation>
    </message>
    <message>
        <source>Parent: %1 (missing from this trace)</source>
        <translation>Eltern-Span: %1 (fehlt in diesem Trace)</translation>
    </message>
    <message>
        <source>The parent span is not in this trace: it was not exported, or is in another file. This span is shown as a root.</source>
        <translation>Der Eltern-Span ist nicht in diesem Trace: Er wurde nicht exportiert oder steht in einer anderen Datei. Dieser Span wird als Wurzel angezeigt.</translation>
    </message>
    <message>
        <source>Parent: %1 (not followed, see warnings)</source>
        <translation>Eltern-Span: %1 (nicht verfolgt, siehe Warnungen)</translation>
    </message>
    <message>
        <source>Root span (no parent)</source>
        <translation>Wurzel-Span (kein Eltern-Span)</translation>
    </message>
    <message>
        <source>Parent (follows from): %1</source>
        <translation>Eltern-Span (folgt auf): %1</translation>
    </message>
    <message>
        <source>Parent: %1</source>
        <translation>Eltern-Span: %1</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SpanLinksModel</name>
    <message>
        <source>child of</source>
        <translation>Kind von</translation>
    </message>
    <message>
        <source>follows from</source>
        <translation>folgt auf</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>%1: %2 (span %3)</source>
        <translation>%1: %2 (Span %3)</translation>
    </message>
    <message>
        <source>Go to span %1 in this trace</source>
        <translation>Zu Span %1 in diesem Trace gehen</translation>
    </message>
    <message>
        <source>span %1, not in this trace</source>
        <translation>Span %1, nicht in diesem Trace</translation>
    </message>
    <message>
        <source>Span %1 of this trace was not in the file</source>
        <translation>Span %1 dieses Traces war nicht in der Datei</translation>
    </message>
    <message>
        <source>span %1 in trace %2…, not in this trace</source>
        <translation>Span %1 in Trace %2…, nicht in diesem Trace</translation>
    </message>
    <message>
        <source>Span %1 of trace %2</source>
        <translation>Span %1 von Trace %2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SuspectSummary</name>
    <message>
        <source>Suspect #%1 — score %2</source>
        <translation>Verdächtiger Nr. %1 — Punktzahl %2</translation>
    </message>
    <message>
        <source>Ranked together with 1 similar span</source>
        <translation>Zusammen mit 1 ähnlichen Span eingestuft</translation>
    </message>
    <message>
        <source>Ranked together with %1 similar spans</source>
        <translation>Zusammen mit %1 ähnlichen Spans eingestuft</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SuspectsModel</name>
    <message>
        <source>%1 (+%2 similar)</source>
        <translation>%1 (+%2 ähnliche)</translation>
    </message>
    <message>
        <source>Score %1:</source>
        <translation>Punktzahl %1:</translation>
    </message>
    <message>
        <source>Stands for 1 more similar span as well</source>
        <translation>Steht auch für 1 weiteren ähnlichen Span</translation>
    </message>
    <message>
        <source>Stands for %1 more similar spans as well</source>
        <translation>Steht auch für %1 weitere ähnliche Spans</translation>
    </message>
    <message>
        <source>Suspect #%1</source>
        <translation>Verdächtiger Nr. %1</translation>
    </message>
    <message>
        <source>%1
Span %2</source>
        <translation>%1
Span %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Span</source>
        <translation>Span</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
</context>
<context>
    <name>rootline::ui::SuspectsPanel</name>
    <message>
        <source>The spans most likely to have caused this trace&apos;s failure or slowness, best first</source>
        <translation>Die Spans, die das Scheitern oder die Langsamkeit dieses Traces am wahrscheinlichsten verursacht haben, der wahrscheinlichste zuerst</translation>
    </message>
    <message>
        <source>Next %1 · previous %2</source>
        <translation>Nächster %1 · vorheriger %2</translation>
    </message>
    <message>
        <source>Keys in the waterfall: step through the suspects by rank</source>
        <translation>Tasten im Wasserfall: die Verdächtigen nach Rang durchgehen</translation>
    </message>
    <message>
        <source>Ranking suspects…</source>
        <translation>Verdächtige werden ermittelt…</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Kein Trace</translation>
    </message>
    <message>
        <source>No suspects: no span failed and no span stands out</source>
        <translation>Keine Verdächtigen: kein Span ist fehlgeschlagen und keiner fällt auf</translation>
    </message>
    <message>
        <source>Could not rank the suspects: %1</source>
        <translation>Die Verdächtigen konnten nicht ermittelt werden: %1</translation>
    </message>
    <message>
        <source>Suspects (%1)</source>
        <translation>Verdächtige (%1)</translation>
    </message>
    <message>
        <source>Suspects</source>
        <translation>Verdächtige</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TraceDetailsPane</name>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Trace ID (select to copy)</source>
        <translation>Trace-ID (zum Kopieren markieren)</translation>
    </message>
    <message>
        <source>Earliest span start</source>
        <translation>Frühester Span-Beginn</translation>
    </message>
    <message>
        <source>From the earliest span start to the latest span end</source>
        <translation>Vom frühesten Span-Beginn bis zum spätesten Span-Ende</translation>
    </message>
    <message>
        <source>Levels from the root to the deepest span</source>
        <translation>Ebenen von der Wurzel bis zum tiefsten Span</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>Keine Warnungen</translation>
    </message>
    <message>
        <source>Spans without a parent in this trace: true roots first, then orphans whose parent is missing</source>
        <translation>Spans ohne Eltern-Span in diesem Trace: zuerst echte Wurzeln, dann verwaiste Spans, deren Eltern-Span fehlt</translation>
    </message>
    <message>
        <source>Services (%1)</source>
        <translation>Dienste (%1)</translation>
    </message>
    <message>
        <source>Roots (%1)</source>
        <translation>Wurzeln (%1)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>No root span</source>
        <translation>Kein Wurzel-Span</translation>
    </message>
    <message>
        <source>Root: %1</source>
        <translation>Wurzel: %1</translation>
    </message>
    <message>
        <source>Root: %1 (+1 more root)</source>
        <translation>Wurzel: %1 (+1 weitere Wurzel)</translation>
    </message>
    <message>
        <source>Root: %1 (+%2 more roots)</source>
        <translation>Wurzel: %1 (+%2 weitere Wurzeln)</translation>
    </message>
    <message>
        <source>Start (UTC): %1</source>
        <translation>Beginn (UTC): %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Spans: %1</source>
        <translation>Spans: %1</translation>
    </message>
    <message>
        <source>Depth: %1</source>
        <translation>Tiefe: %1</translation>
    </message>
    <message>
        <source>Errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Spans with error status: %1, of these inferred from HTTP or gRPC status codes: %2</source>
        <translation>Spans mit Fehlerstatus: %1, davon aus HTTP- oder gRPC-Statuscodes abgeleitet: %2</translation>
    </message>
    <message>
        <source>Spans with error status: %1</source>
        <translation>Spans mit Fehlerstatus: %1</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TraceHeader</name>
    <message>
        <source>Copy Trace ID</source>
        <translation>Trace-ID kopieren</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>From the earliest span start to the latest span end</source>
        <translation>Vom frühesten Span-Beginn bis zum spätesten Span-Ende</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Levels from the root to the deepest span</source>
        <translation>Ebenen von der Wurzel bis zum tiefsten Span</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Roots</source>
        <translation>Wurzeln</translation>
    </message>
    <message>
        <source>Empty trace</source>
        <translation>Leerer Trace</translation>
    </message>
    <message>
        <source>No root span</source>
        <translation>Kein Wurzel-Span</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Trace ID %1 (right-click to copy)</source>
        <translation>Trace-ID %1 (Rechtsklick zum Kopieren)</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Spans without a parent in this trace; %1 of them name a parent that is missing</source>
        <translation>Spans ohne Eltern-Span in diesem Trace; %1 davon nennen einen Eltern-Span, der fehlt</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>Keine Fehler</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>Spans with error status, %1 of them inferred from HTTP or gRPC status codes. Click to go to the first error.</source>
        <translation>Spans mit Fehlerstatus, davon %1 aus HTTP- oder gRPC-Statuscodes abgeleitet. Klicken, um zum ersten Fehler zu gehen.</translation>
    </message>
    <message>
        <source>Spans with error status. Click to go to the first error.</source>
        <translation>Spans mit Fehlerstatus. Klicken, um zum ersten Fehler zu gehen.</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
    <message>
        <source>Problems found while reading this trace (missing parents, clock skew, damaged fields). Click to list them.</source>
        <translation>Beim Lesen dieses Traces gefundene Probleme (fehlende Eltern, Uhrenabweichung, beschädigte Felder). Klicken, um sie aufzulisten.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TraceListModel</name>
    <message>
        <source>(no root)</source>
        <translation>(keine Wurzel)</translation>
    </message>
    <message>
        <source>%1 (+%2 more)</source>
        <translation>%1 (+%2 weitere)</translation>
    </message>
    <message>
        <source>Trace %1</source>
        <translation>Trace %1</translation>
    </message>
    <message>
        <source>Depth in levels: %1</source>
        <translation>Tiefe in Ebenen: %1</translation>
    </message>
    <message>
        <source>Orphan spans (parent missing): %1</source>
        <translation>Verwaiste Spans (Eltern-Span fehlt): %1</translation>
    </message>
    <message>
        <source>This trace has no root span.</source>
        <translation>Dieser Trace hat keinen Wurzel-Span.</translation>
    </message>
    <message>
        <source>%1 (span %2, orphan: its parent is missing)</source>
        <translation>%1 (Span %2, verwaist: sein Eltern-Span fehlt)</translation>
    </message>
    <message>
        <source>%1 (span %2)</source>
        <translation>%1 (Span %2)</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Earliest span start, UTC: %1</source>
        <translation>Frühester Span-Beginn, UTC: %1</translation>
    </message>
    <message>
        <source>From the earliest span start to the latest span end: %1 ns</source>
        <translation>Vom frühesten Span-Beginn bis zum spätesten Span-Ende: %1 ns</translation>
    </message>
    <message>
        <source>Spans: %1, depth in levels: %2</source>
        <translation>Spans: %1, Tiefe in Ebenen: %2</translation>
    </message>
    <message>
        <source>%1 — spans: %2, errors: %3</source>
        <translation>%1 — Spans: %2, Fehler: %3</translation>
    </message>
    <message>
        <source>%1 — spans: %2</source>
        <translation>%1 — Spans: %2</translation>
    </message>
    <message>
        <source>Spans with error status: %1</source>
        <translation>Spans mit Fehlerstatus: %1</translation>
    </message>
    <message>
        <source>Of these, inferred from HTTP or gRPC status codes: %1</source>
        <translation>Davon aus HTTP- oder gRPC-Statuscodes abgeleitet: %1</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>Keine Warnungen</translation>
    </message>
    <message>
        <source>span %1: %2</source>
        <translation>Span %1: %2</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Root (service: operation)</source>
        <translation>Wurzel (Dienst: Operation)</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>The first root span; traces with missing parents have several roots</source>
        <translation>Der erste Wurzel-Span; Traces mit fehlenden Eltern haben mehrere Wurzeln</translation>
    </message>
    <message>
        <source>Spans with error status, declared or inferred</source>
        <translation>Spans mit Fehlerstatus, angegeben oder abgeleitet</translation>
    </message>
    <message>
        <source>Problems found while loading: missing parents, clock skew, …</source>
        <translation>Beim Laden gefundene Probleme: fehlende Eltern, Uhrenabweichung, …</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TraceMinimap</name>
    <message>
        <source>The whole trace. Drag the frame to move the view, drag its edges to zoom, drag elsewhere to zoom to a range; double-click shows the whole trace.</source>
        <translation>Der ganze Trace. Den Rahmen ziehen, um die Ansicht zu verschieben, seine Kanten ziehen, um zu zoomen, anderswo ziehen, um auf einen Bereich zu zoomen; ein Doppelklick zeigt den ganzen Trace.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TraceTab</name>
    <message>
        <source>Empty trace</source>
        <translation>Leerer Trace</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
Trace %2
%3 spans, %4, %5 errors</source>
        <translation>%1
Trace %2
%3 Spans, %4, %5 Fehler</translation>
    </message>
    <message>
        <source>Ranking weights: %1; using the default weights</source>
        <translation>Gewichte der Rangfolge: %1; es gelten die Standardgewichte</translation>
    </message>
    <message>
        <source>%1: %2 (tracepack)</source>
        <translation>%1: %2 (Tracepack)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Explain This Error</source>
        <translation>Diesen Fehler erklären</translation>
    </message>
    <message>
        <source>Ask the model chosen in the settings what caused this trace&apos;s failure (%1)</source>
        <translation>Das in den Einstellungen gewählte Modell fragen, was den Fehler dieses Traces verursacht hat (%1)</translation>
    </message>
    <message>
        <source>Suspects</source>
        <translation>Verdächtige</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>The trace&apos;s span events and its services&apos; log lines (%1)</source>
        <translation>Die Span-Ereignisse des Traces und die Logzeilen seiner Dienste (%1)</translation>
    </message>
    <message>
        <source>Request rate, errors and latency around the trace, from Prometheus (%1)</source>
        <translation>Anfragerate, Fehler und Latenz um den Trace, aus Prometheus (%1)</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>Logs (%1)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>The AI agent&apos;s run: what it changed and why, its steps, tokens and cost</source>
        <translation>Der Lauf des KI-Agenten: was er änderte und warum, seine Schritte, Tokens und Kosten</translation>
    </message>
    <message>
        <source>Model prices: %1; using the built-in prices</source>
        <translation>Modellpreise: %1; die eingebauten Preise werden verwendet</translation>
    </message>
</context>
<context>
    <name>rootline::ui::TracepackExportDialog</name>
    <message>
        <source>Export Tracepack</source>
        <translation>Tracepack exportieren</translation>
    </message>
    <message>
        <source>Building the tracepack…</source>
        <translation>Tracepack wird erstellt…</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>The largest pack to make; less important parts are left out to fit</source>
        <translation>Die größte erlaubte Packgröße; weniger wichtige Teile werden weggelassen, damit es passt</translation>
    </message>
    <message>
        <source>Detect IP addresses</source>
        <translation>IP-Adressen erkennen</translation>
    </message>
    <message>
        <source>Replace IPv4 and IPv6 addresses by tokens too</source>
        <translation>Auch IPv4- und IPv6-Adressen durch Tokens ersetzen</translation>
    </message>
    <message>
        <source>Default rules</source>
        <translation>Standardregeln</translation>
    </message>
    <message>
        <source>A redaction rules file (JSON); empty for the default rules</source>
        <translation>Eine Datei mit Schwärzungsregeln (JSON); leer für die Standardregeln</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Size cap:</source>
        <translation>Größengrenze:</translation>
    </message>
    <message>
        <source>Rules file:</source>
        <translation>Regeldatei:</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Weggelassen</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Redactions</source>
        <translation>Schwärzungen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the tracepack to the clipboard</source>
        <translation>Das Tracepack in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>No tracepack: %1</source>
        <translation>Kein Tracepack: %1</translation>
    </message>
    <message>
        <source>%1 (the preview uses the default rules; saving is off until the file is fixed or cleared)</source>
        <translation>%1 (die Vorschau verwendet die Standardregeln; Speichern ist aus, bis die Datei korrigiert oder das Feld geleert ist)</translation>
    </message>
    <message>
        <source>Token vault: %1; the tokens of this pack cannot be kept</source>
        <translation>Token-Tresor: %1; die Tokens dieses Packs können nicht aufbewahrt werden</translation>
    </message>
    <message>
        <source>In the pack: spans: %1 · collapsed summaries: %2 · suspects: %3</source>
        <translation>Im Pack: Spans: %1 · zusammengefasste Teilbäume: %2 · Verdächtige: %3</translation>
    </message>
    <message>
        <source>Over the cap of %1 KB</source>
        <translation>Über der Grenze von %1 KB</translation>
    </message>
    <message>
        <source>%1 KB of %2 KB</source>
        <translation>%1 KB von %2 KB</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Span IDs: %1</source>
        <translation>Span-IDs: %1</translation>
    </message>
    <message>
        <source>Nothing: the whole failure fits.</source>
        <translation>Nichts: der ganze Fehler passt hinein.</translation>
    </message>
    <message>
        <source>No tokens to keep.</source>
        <translation>Keine Tokens aufzubewahren.</translation>
    </message>
    <message>
        <source>Tokens kept on this computer only, in the token vault: %1</source>
        <translation>Nur auf diesem Rechner im Token-Tresor aufbewahrte Tokens: %1</translation>
    </message>
    <message>
        <source>Redaction Rules</source>
        <translation>Schwärzungsregeln</translation>
    </message>
    <message>
        <source>Rules files (*.json);;All files (*)</source>
        <translation>Regeldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Tracepack</source>
        <translation>Tracepack speichern</translation>
    </message>
    <message>
        <source>Tracepacks (*.tracepack.json)</source>
        <translation>Tracepacks (*.tracepack.json)</translation>
    </message>
    <message>
        <source>There is no tracepack to save yet.</source>
        <translation>Es gibt noch kein Tracepack zum Speichern.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1, but its tokens could not be kept: %2</source>
        <translation>%1 gespeichert, aber seine Tokens konnten nicht aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>Saved %1 (%2 KB).</source>
        <translation>%1 gespeichert (%2 KB).</translation>
    </message>
    <message>
        <source>Copied the tracepack, but its tokens could not be kept: %1</source>
        <translation>Tracepack kopiert, aber seine Tokens konnten nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <source>Copied the tracepack (%1 KB) to the clipboard.</source>
        <translation>Tracepack (%1 KB) in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::VerdictPanel</name>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>Hide the explanation</source>
        <translation>Erklärung ausblenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>Hypothese</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Fixes</source>
        <translation>Korrekturen</translation>
    </message>
    <message>
        <source>Test that would prove the fix</source>
        <translation>Test, der die Korrektur belegen würde</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Resolution note: what fixed it</source>
        <translation>Lösungsnotiz: was es behoben hat</translation>
    </message>
    <message>
        <source>Saved in the investigation history; shown when the same error comes back</source>
        <translation>Im Untersuchungsverlauf gespeichert; angezeigt, wenn derselbe Fehler wiederkommt</translation>
    </message>
    <message>
        <source>Save Note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>About the failure of the whole trace</source>
        <translation>Zum Fehler des ganzen Traces</translation>
    </message>
    <message>
        <source>About the failure around the selected span %1</source>
        <translation>Zum Fehler um den ausgewählten Span %1</translation>
    </message>
    <message>
        <source>Preparing the tracepack</source>
        <translation>Tracepack wird vorbereitet</translation>
    </message>
    <message>
        <source>Asking %1 (%2)</source>
        <translation>Frage %1 (%2)</translation>
    </message>
    <message>
        <source>%1… %2 s</source>
        <translation>%1… %2 s</translation>
    </message>
    <message>
        <source>Cancelled: the model was not asked to finish, and nothing was recorded.</source>
        <translation>Abgebrochen: das Modell wurde nicht zu Ende gefragt, und nichts wurde aufgezeichnet.</translation>
    </message>
    <message>
        <source>Model settings: %1</source>
        <translation>Modelleinstellungen: %1</translation>
    </message>
    <message>
        <source>Token vault: %1</source>
        <translation>Token-Tresor: %1</translation>
    </message>
    <message>
        <source>Not recorded in the history: %1</source>
        <translation>Nicht im Verlauf aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>The model named %1 span ids not in this trace; they were removed: %2</source>
        <translation>Das Modell hat %1 Span-IDs genannt, die nicht in diesem Trace sind; sie wurden entfernt: %2</translation>
    </message>
    <message>
        <source>Span %1: click to select it in the waterfall</source>
        <translation>Span %1: klicken, um ihn im Wasserfall auszuwählen</translation>
    </message>
    <message>
        <source>Span %1 is not in the shown trace</source>
        <translation>Span %1 ist nicht im angezeigten Trace</translation>
    </message>
    <message>
        <source>None confirmed</source>
        <translation>Keine bestätigt</translation>
    </message>
    <message>
        <source>None suggested</source>
        <translation>Keine vorgeschlagen</translation>
    </message>
    <message>
        <source>%1 (trace %2): %3</source>
        <translation>%1 (Trace %2): %3</translation>
    </message>
    <message>
        <source>Seen before: %1</source>
        <translation>Schon gesehen: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 · %2 · tokens: %3 in, %4 out · %5 ms · model calls: %6</source>
        <translation>%1 · %2 · Tokens: %3 ein, %4 aus · %5 ms · Modellaufrufe: %6</translation>
    </message>
    <message>
        <source>From the history (investigation %1, %2): no model was asked again</source>
        <translation>Aus dem Verlauf (Untersuchung %1, %2): kein Modell wurde erneut gefragt</translation>
    </message>
    <message>
        <source>Not recorded: no note can be kept</source>
        <translation>Nicht aufgezeichnet: keine Notiz möglich</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>Die Notiz wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Note saved in the history.</source>
        <translation>Notiz im Verlauf gespeichert.</translation>
    </message>
</context>
<context>
    <name>rootline::ui::WarningListModel</name>
    <message>
        <source>span %1: %2</source>
        <translation>Span %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Only the first %1 warnings of this trace are listed</source>
        <translation>Nur die ersten %1 Warnungen dieses Traces sind aufgeführt</translation>
    </message>
</context>
<context>
    <name>rootline::ui::WaterfallView</name>
    <message>
        <source>This trace has no spans.</source>
        <translation>Dieser Trace hat keine Spans.</translation>
    </message>
    <message>
        <source>No span passes the filters.</source>
        <translation>Kein Span passt zu den Filtern.</translation>
    </message>
    <message>
        <source>Duration %1, starts at +%2</source>
        <translation>Dauer %1, beginnt bei +%2</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Its parent is not in this trace</source>
        <translation>Sein Eltern-Span ist nicht in diesem Trace</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s), see the span details</source>
        <translation>
            <numerusform>%n Warnung, siehe Span-Details</numerusform>
            <numerusform>%n Warnungen, siehe Span-Details</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 spans below, collapsed</source>
        <translation>%1 Spans darunter, zugeklappt</translation>
    </message>
    <message>
        <source>Suspect #%1, score %2</source>
        <translation>Verdächtiger Nr. %1, Punktzahl %2</translation>
    </message>
    <message>
        <source>On the critical path for %1</source>
        <translation>%1 auf dem kritischen Pfad</translation>
    </message>
</context>
</TS>
