// To be written.
#include <QtTest>

class ConnectionsDialogTest : public QObject {
    Q_OBJECT
};

QTEST_MAIN(ConnectionsDialogTest)
#include "connections_dialog_test.moc"
