// The German catalogue: compiled into the binary, complete, and chosen for a German locale.

#include <QFile>
#include <QMenuBar>
#include <QTranslator>
#include <QtTest>

#include "main_window.h"
#include "translations.h"

using namespace rootline::ui;

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup() {
        // Each test starts in English.
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }

    void germanCatalogueIsEmbeddedAndTranslates() {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/rootline_de.qm")));
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/rootline_de.qm")));
        QCOMPARE(de.language(), QStringLiteral("de_DE"));
        QCOMPARE(de.translate("rootline::ui::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(de.translate("rootline::ui::EmptyStateWidget", "No trace loaded"),
                 QStringLiteral("Kein Trace geladen"));
        QCOMPARE(de.translate("rootline::ui::TraceListModel", "Duration"), QStringLiteral("Dauer"));
        QCOMPARE(de.translate("rootline::ui::TraceDetailsPane", "No warnings"),
                 QStringLiteral("Keine Warnungen"));
        QCOMPARE(de.translate("rootline::ui::MainWindow", "&View"), QStringLiteral("&Ansicht"));
        QCOMPARE(de.translate("rootline::ui::KeyboardShortcutsDialog", "Keyboard Shortcuts"),
                 QStringLiteral("Tastenkürzel"));
        QCOMPARE(de.translate("rootline::ui::WaterfallView", "No span passes the filters."),
                 QStringLiteral("Kein Span passt zu den Filtern."));
        QCOMPARE(de.translate("rootline::ui::WaterfallView", "%n warning(s), see the span details",
                              nullptr, 2),
                 QStringLiteral("%n Warnungen, siehe Span-Details"));
    }

    void everySourceStringHasAGermanTranslation() {
        QFile ts(QStringLiteral(ROOTLINE_TS_DIR "/rootline_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray xml = ts.readAll();
        QVERIFY(xml.count("<source>") > 50);
        QCOMPARE(xml.count("type=\"unfinished\""), 0);
        QCOMPARE(xml.count("type=\"vanished\""), 0);
        QCOMPARE(xml.count("type=\"obsolete\""), 0);
    }

    void germanLocaleInstallsGerman() {
        QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("rootline::ui::MainWindow", "&Quit"),
                 QStringLiteral("&Beenden"));
        MainWindow w;
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{"&Datei", "&Ansicht", "&Untersuchen", "&Hilfe"}));
        QCOMPARE(w.windowTitle(), QStringLiteral("Rootline"));
    }

    void austrianGermanFallsBackToGerman() {
        QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Austria)));
        QCOMPARE(QCoreApplication::translate("rootline::ui::MainWindow", "&File"),
                 QStringLiteral("&Datei"));
    }

    void otherLocalesStayEnglish() {
        QVERIFY(!installTranslations(*qApp, QLocale(QLocale::French, QLocale::France)));
        QCOMPARE(QCoreApplication::translate("rootline::ui::MainWindow", "&File"),
                 QStringLiteral("&File"));
    }
};

QTEST_MAIN(TranslationsTest)
#include "translations_test.moc"
