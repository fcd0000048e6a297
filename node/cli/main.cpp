// tabel-node's commands are not on main yet (see the open foundation issue); until they land, say so and fail
// instead of pretending to have done something.
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTextStream(stderr) << QCoreApplication::translate(
                               "tabel-node", "tabel-node: this build has no commands yet; see the README and the "
                                             "open foundation issue")
                        << Qt::endl;
    return 1;
}
