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
        <source>Trace files (*.json *.ndjson);;All files (*)</source>
        <translation>Trace-Dateien (*.json *.ndjson);;Alle Dateien (*)</translation>
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
</context>
<context>
    <name>rootline::ui::MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
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
</TS>
