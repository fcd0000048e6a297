// The security properties of `tabel-node serve` (issue 10 item 2), each with raw HTTP requests over a plain socket
// against the real binary: nothing but the login page and its assets before unlock, the session cookie's flags, the
// CSRF token and Origin on writes, the Host header (DNS rebinding), the CSP on every answer, a wrong passphrase (the
// command line's message and a growing delay), «Выйти» and the idle lock, loopback only. Also the API's writes:
// several cells are one change set, a refused one carries its clause.
#include "node/store/node_store.h"
#include "shared/crypto/secret.h"
#include "tests/support/test_support.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using tabel::test::describe;
using tabel::test::ProcessResult;

namespace {

const QString kPassphrase = QStringLiteral("web-test-passphrase");

struct HttpReply {
    int status = 0;
    QHash<QByteArray, QList<QByteArray>> headers; // lower-case names
    QByteArray body;
    QByteArray header(const QByteArray& name) const { return headers.value(name).value(0); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One request on a fresh connection, written byte for byte: what a browser or an attacker's page would send.
HttpReply request(quint16 port, const QByteArray& method, const QByteArray& path,
                  const QList<QPair<QByteArray, QByteArray>>& headers = {}, const QByteArray& body = {},
                  const QByteArray& host = {}) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    HttpReply reply;
    if (!socket.waitForConnected(5000))
        return reply;
    QByteArray raw = method + ' ' + path +
                     " HTTP/1.1\r\nHost: " + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host) +
                     "\r\nConnection: close\r\n";
    for (const auto& [name, value] : headers)
        raw += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST")
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "\r\n" + body;
    socket.write(raw);
    QByteArray in;
    while (socket.waitForReadyRead(10000) || socket.bytesAvailable() > 0) {
        in += socket.readAll();
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QRegularExpression lengthRe(QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
        const auto m = lengthRe.match(QString::fromLatin1(in.left(end + 2)));
        if (m.hasMatch() && in.size() >= end + 4 + m.captured(1).toLongLong())
            break;
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    const QList<QByteArray> lines = in.left(end).split('\n');
    reply.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers[lines[i].left(colon).trimmed().toLower()].append(lines[i].mid(colon + 1).trimmed());
    }
    reply.body = in.mid(end + 4);
    return reply;
}

QByteArray json(const QJsonObject& o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestNodeServe : public QObject {
    Q_OBJECT

private:
    QString m_bin;
    QTemporaryDir m_tmp;
    QString m_store;

    ProcessResult node(const QStringList& args, const QString& passphrase = kPassphrase) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_PASSPHRASE"), passphrase);
        return tabel::test::run(m_bin, QStringList{QStringLiteral("--store"), m_store} + args, env);
    }

    // Starts serve on a free port; returns the port (0 on failure).
    quint16 serve(QProcess& p, const QStringList& extra = {}) {
        p.setProgram(m_bin);
        p.setArguments(QStringList{QStringLiteral("--store"), m_store, QStringLiteral("serve"),
                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--sync-every"), QStringLiteral("0"), QStringLiteral("--today"),
                                   QStringLiteral("2026-09-03")} +
                       extra);
        p.start();
        if (!p.waitForStarted(10000))
            return 0;
        QByteArray out;
        const QRegularExpression re(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/"));
        for (int i = 0; i < 100; ++i) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
        }
        qWarning("serve did not start: %s %s", out.constData(), p.readAllStandardError().constData());
        return 0;
    }

    static void stop(QProcess& p) {
        p.terminate();
        if (!p.waitForFinished(5000))
            p.kill();
        p.waitForFinished(5000);
    }

    // Unlocks; returns the cookie header value ("tabel_PORT=…") and the CSRF token.
    QPair<QByteArray, QByteArray> unlock(quint16 port) {
        const HttpReply r = request(port, "POST", "/api/v1/unlock", {{"Content-Type", "application/json"}},
                                    json({{QStringLiteral("passphrase"), kPassphrase}}));
        if (r.status != 200) {
            qWarning("unlock: %d %s", r.status, r.body.constData());
            return {};
        }
        return {r.header("set-cookie").split(';').value(0),
                r.json().value(QStringLiteral("csrf")).toString().toLatin1()};
    }

private slots:
    void initTestCase() {
        m_bin = tabel::test::binaryFromEnv("TABEL_NODE_BIN");
        QVERIFY(m_tmp.isValid());
        m_store = m_tmp.filePath(QStringLiteral("node"));
        const QString demo = tabel::test::sourceDir() + QStringLiteral("/deploy/demo/");
        EXPECT_EXIT(node({QStringLiteral("init"), QStringLiteral("--teacher"), QStringLiteral("ivanova"),
                          QStringLiteral("--name"), QStringLiteral("Иванова Мария Петровна"), QStringLiteral("--kdf"),
                          QStringLiteral("interactive")}),
                    0);
        for (const char* kind : {"calendar", "roster", "timetable"})
            EXPECT_EXIT(node({QStringLiteral("import"), QString::fromLatin1(kind),
                              demo + QString::fromLatin1(kind) + QStringLiteral(".csv")}),
                        0);
        EXPECT_EXIT(node({QStringLiteral("lesson"), QStringLiteral("add"), QStringLiteral("--lesson"),
                          QStringLiteral("7А/math/all/2026-09-03/1"), QStringLiteral("--topic"), QStringLiteral("Т")}),
                    0);
        EXPECT_EXIT(node({QStringLiteral("attend"), QStringLiteral("--lesson"),
                          QStringLiteral("7А/math/all/2026-09-03/1"), QStringLiteral("--pupil"),
                          QStringLiteral("7a-04"), QStringLiteral("--absent"), QStringLiteral("НП")}),
                    0);
    }

    void refusesToListenBeyondLoopback() {
        const ProcessResult r =
            node({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("loopback")), qPrintable(describe(r)));
    }

    void lockedBeforeUnlock() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        // The login page and its own assets only.
        QCOMPARE(request(port, "GET", "/").status, 200);
        QCOMPARE(request(port, "GET", "/app/login.js").status, 200);
        QCOMPARE(request(port, "GET", "/app/style.css").status, 200);
        QCOMPARE(request(port, "GET", "/app/text.json").status, 200);
        const HttpReply page = request(port, "GET", "/journal");
        QCOMPARE(page.status, 303);
        QCOMPARE(page.header("location"), QByteArray("/"));
        for (const QByteArray& path :
             {QByteArray("/app/grid.js"), QByteArray("/app/main.js"), QByteArray("/app/journal.html"),
              QByteArray("/api/v1/classes"), QByteArray("/api/v1/journal?class=7%D0%90&subject=math&group=all"),
              QByteArray("/api/v1/status")}) {
            const HttpReply r = request(port, "GET", path);
            QVERIFY2(r.status == 401, path.constData());
            QVERIFY2(!r.body.contains("7a-0"), path.constData());
        }
        QCOMPARE(request(port, "GET", "/api/v1/session").json().value(QStringLiteral("unlocked")).toBool(), false);
        // A made-up cookie does not unlock anything.
        const QByteArray forged = "tabel_" + QByteArray::number(port) + '=' + QByteArray(64, 'a');
        QCOMPARE(request(port, "GET", "/api/v1/classes", {{"Cookie", forged}}).status, 401);
    }

    void hostHeaderIsChecked() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const QByteArray portText = QByteArray::number(port);
        for (const QByteArray& host : {QByteArray("evil.example:") + portText, QByteArray("evil.example"),
                                       QByteArray("127.0.0.1:1"), QByteArray("127.0.0.1")}) {
            const HttpReply r = request(port, "GET", "/", {}, {}, host);
            QVERIFY2(r.status == 421, host.constData());
            QVERIFY(!r.body.contains("<html"));
            // Not even the unlock is tried through a rebound name.
            QCOMPARE(request(port, "POST", "/api/v1/unlock", {{"Content-Type", "application/json"}},
                             json({{QStringLiteral("passphrase"), kPassphrase}}), host)
                         .status,
                     421);
        }
        QCOMPARE(request(port, "GET", "/", {}, {}, "localhost:" + portText).status, 200);
    }

    void cspOnEveryAnswer() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        QVERIFY(!cookie.isEmpty());
        for (const QByteArray& path : {QByteArray("/"), QByteArray("/journal"), QByteArray("/app/grid.js"),
                                       QByteArray("/api/v1/classes"), QByteArray("/nowhere")}) {
            const HttpReply r = request(port, "GET", path, {{"Cookie", cookie}});
            const QByteArray csp = r.header("content-security-policy");
            QVERIFY2(csp.contains("script-src 'self'"), path.constData());
            QVERIFY2(csp.contains("default-src 'none'"), path.constData());
            QVERIFY2(csp.contains("frame-ancestors 'none'"), path.constData());
            QVERIFY2(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains('*'),
                     path.constData());
            QCOMPARE(r.header("x-content-type-options"), QByteArray("nosniff"));
            // The API never kept; the pages and assets (the binary's own files, no data) revalidated by ETag.
            QCOMPARE(r.header("cache-control"),
                     QByteArray(path.startsWith("/api/") || path == "/nowhere" ? "no-store" : "no-cache"));
        }
        // The pages themselves hold no inline script: every <script> has a src.
        for (const QByteArray& path : {QByteArray("/"), QByteArray("/journal")}) {
            const QByteArray html = request(port, "GET", path, {{"Cookie", cookie}}).body;
            QVERIFY(html.contains("<script"));
            QVERIFY2(!QRegularExpression(QStringLiteral("<script(?![^>]*\\bsrc=)"))
                          .match(QString::fromUtf8(html))
                          .hasMatch(),
                     path.constData());
            QVERIFY(!html.contains(" on")); // no onclick= and the like
        }
    }

    void sessionCookieFlags() {
        QProcess p;
        const quint16 port = serve(p, {QStringLiteral("--idle-lock"), QStringLiteral("7")});
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const HttpReply r = request(port, "POST", "/api/v1/unlock", {{"Content-Type", "application/json"}},
                                    json({{QStringLiteral("passphrase"), kPassphrase}}));
        QCOMPARE(r.status, 200);
        const QByteArray cookie = r.header("set-cookie");
        const QList<QByteArray> parts = cookie.split(';');
        const QByteArray value = parts.value(0).trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^tabel_%1=[0-9a-f]{64}$").arg(port))
                     .match(QString::fromLatin1(value))
                     .hasMatch(),
                 cookie.constData());
        QStringList flags;
        for (const QByteArray& part : parts.mid(1))
            flags << QString::fromLatin1(part.trimmed());
        QVERIFY2(flags.contains(QStringLiteral("HttpOnly")), cookie.constData());
        QVERIFY2(flags.contains(QStringLiteral("SameSite=Strict")), cookie.constData());
        QVERIFY2(flags.contains(QStringLiteral("Path=/")), cookie.constData());
        QVERIFY2(flags.contains(QStringLiteral("Max-Age=420")), cookie.constData()); // expires with the idle time
        // The CSRF token is in the body, not in a cookie a script could read, and is not the session id.
        const QByteArray csrf = r.json().value(QStringLiteral("csrf")).toString().toLatin1();
        QCOMPARE(csrf.size(), 64);
        QVERIFY(!value.endsWith(csrf));
        // Two unlocks: two different random sessions.
        const auto second = unlock(port);
        QVERIFY(second.first != value);
    }

    void writesNeedTheCsrfToken() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        QVERIFY(!csrf.isEmpty());
        const QByteArray body =
            json({{QStringLiteral("cells"),
                   QJsonArray{QJsonObject{{QStringLiteral("lesson"), QStringLiteral("7А/math/all/2026-09-03/1")},
                                          {QStringLiteral("pupil"), QStringLiteral("7a-01")},
                                          {QStringLiteral("text"), QStringLiteral("5")}}}}});
        const QByteArray type = "application/json";
        // No token, a wrong one, a token of the right length but another value, a foreign Origin.
        QCOMPARE(request(port, "POST", "/api/v1/cells", {{"Cookie", cookie}, {"Content-Type", type}}, body).status,
                 403);
        QCOMPARE(request(port, "POST", "/api/v1/cells",
                         {{"Cookie", cookie}, {"Content-Type", type}, {"X-CSRF-Token", "nope"}}, body)
                     .status,
                 403);
        QCOMPARE(request(port, "POST", "/api/v1/cells",
                         {{"Cookie", cookie}, {"Content-Type", type}, {"X-CSRF-Token", QByteArray(64, '0')}}, body)
                     .status,
                 403);
        QCOMPARE(
            request(
                port, "POST", "/api/v1/cells",
                {{"Cookie", cookie}, {"Content-Type", type}, {"X-CSRF-Token", csrf}, {"Origin", "http://evil.example"}},
                body)
                .status,
            403);
        // A form post from elsewhere cannot be JSON without a preflight: refused too.
        QCOMPARE(request(port, "POST", "/api/v1/cells",
                         {{"Cookie", cookie}, {"Content-Type", "text/plain"}, {"X-CSRF-Token", csrf}}, body)
                     .status,
                 415);
        // A file upload (any body type) needs the token too.
        QCOMPARE(request(port, "POST",
                         "/api/v1/submissions?task=task%2F7%D0%90%2Fmath%2Fall%2F1&pupil=7a-01&name=a.txt",
                         {{"Cookie", cookie}, {"Content-Type", "application/octet-stream"}}, "work")
                     .status,
                 403);
        // Nothing was written by those.
        QCOMPARE(node({QStringLiteral("status"), QStringLiteral("--json")}).out.contains(QStringLiteral("\"pending")),
                 true);
        const HttpReply ok = request(port, "POST", "/api/v1/cells",
                                     {{"Cookie", cookie},
                                      {"Content-Type", type},
                                      {"X-CSRF-Token", csrf},
                                      {"Origin", "http://127.0.0.1:" + QByteArray::number(port)}},
                                     body);
        QVERIFY2(ok.status == 200, ok.body.constData());
        QVERIFY(
            ok.json().value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("ok")).toBool());
    }

    void cellsAreOneChangeSetWithRefusalsPerCell() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        const auto pending = [&]() {
            return request(port, "GET", "/api/v1/status?poll=1", {{"Cookie", cookie}})
                .json()
                .value(QStringLiteral("pendingChangeSets"))
                .toInteger();
        };
        const qint64 before = pending();
        const auto cellOf = [](const char* pupil, const QString& text) {
            return QJsonObject{{QStringLiteral("lesson"), QStringLiteral("7А/math/all/2026-09-03/1")},
                               {QStringLiteral("pupil"), QString::fromLatin1(pupil)},
                               {QStringLiteral("text"), text}};
        };
        const QByteArray body = json(
            {{QStringLiteral("context"), QJsonObject{{QStringLiteral("class"), QStringLiteral("7А")},
                                                     {QStringLiteral("subject"), QStringLiteral("math")},
                                                     {QStringLiteral("group"), QStringLiteral("all")},
                                                     {QStringLiteral("from"), QStringLiteral("2026-09-01")},
                                                     {QStringLiteral("to"), QStringLiteral("2026-09-30")}}},
             {QStringLiteral("cells"),
              QJsonArray{cellOf("7a-02", QStringLiteral("4")), cellOf("7a-04", QStringLiteral("5")), // absent, НП: 3.5
                         cellOf("7a-03", QStringLiteral("б")), cellOf("7a-05", QStringLiteral("x"))}}});
        const HttpReply r =
            request(port, "POST", "/api/v1/cells",
                    {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}}, body);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4);
        QVERIFY(results.at(0).toObject().value(QStringLiteral("ok")).toBool());
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("stored")).toString(), QStringLiteral("4"));
        const QJsonObject refused = results.at(1).toObject();
        QVERIFY(!refused.value(QStringLiteral("ok")).toBool());
        QCOMPARE(refused.value(QStringLiteral("clause")).toString(), QStringLiteral("3.5"));
        QVERIFY(refused.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("3.5: ")));
        QCOMPARE(refused.value(QStringLiteral("stored")).toString(), QStringLiteral("н"));
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("stored")).toString(), QStringLiteral("б"));
        QVERIFY(!results.at(3).toObject().value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.json().value(QStringLiteral("averages")).toObject().value(QStringLiteral("7a-02")).toString(),
                 QStringLiteral("4.00"));
        QCOMPARE(pending(), before + 1); // the two written cells: one change set
    }

    // R-J2 in the web journal: the lesson form gives a mark column its kind and weight; the grid's columns and the
    // averages show it, with the school's rule in words; a malformed list is refused and changes nothing.
    void lessonMarkColumnsWeighTheAverage() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        const QList<QPair<QByteArray, QByteArray>> write{
            {"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}};
        const QString lesson = QStringLiteral("7А/math/all/2026-09-08/2");
        const auto cells = [&](const QString& key, const char* pupil, const char* text) {
            return request(
                port, "POST", "/api/v1/cells", write,
                json({{QStringLiteral("context"), QJsonObject{{QStringLiteral("class"), QStringLiteral("7А")},
                                                              {QStringLiteral("subject"), QStringLiteral("math")},
                                                              {QStringLiteral("group"), QStringLiteral("all")},
                                                              {QStringLiteral("from"), QStringLiteral("2026-09-01")},
                                                              {QStringLiteral("to"), QStringLiteral("2026-09-08")}}},
                      {QStringLiteral("cells"),
                       QJsonArray{QJsonObject{{QStringLiteral("lesson"), key},
                                              {QStringLiteral("pupil"), QString::fromLatin1(pupil)},
                                              {QStringLiteral("text"), QString::fromLatin1(text)}}}}}));
        };
        const auto saveLesson = [&](const QJsonValue& marks) {
            return request(port, "POST", "/api/v1/lesson", write,
                           json({{QStringLiteral("lesson"), lesson},
                                 {QStringLiteral("topic"), QStringLiteral("Контрольная работа № 1")},
                                 {QStringLiteral("marks"), marks}}));
        };
        const QJsonArray control{
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("control")}, {QStringLiteral("weight"), 3}}};
        HttpReply r = saveLesson(control);
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("marks")).toArray(), control);
        QVERIFY(cells(QStringLiteral("7А/math/all/2026-09-03/1"), "7a-06", "5").status == 200);
        r = cells(lesson, "7a-06", "2");
        QVERIFY2(r.status == 200, r.body.constData());
        // (5 + 2·3) / 4 = 2.75 by the weighted rule, which the page names.
        QCOMPARE(r.json().value(QStringLiteral("averages")).toObject().value(QStringLiteral("7a-06")).toString(),
                 QStringLiteral("2.75"));
        r = request(port, "GET", "/api/v1/journal?class=7%D0%90&subject=math&group=all&from=2026-09-01&to=2026-09-08",
                    {{"Cookie", cookie}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("averageRule")).toString(), QStringLiteral("weighted"));
        QVERIFY(!r.json().value(QStringLiteral("averageRuleText")).toString().isEmpty());
        bool shown = false;
        for (const QJsonValue& c : r.json().value(QStringLiteral("columns")).toArray())
            if (c.toObject().value(QStringLiteral("lesson")).toString() == lesson)
                shown = c.toObject().value(QStringLiteral("marks")).toArray() == control;
        QVERIFY(shown);

        // A weight of 0, a period kind, not a list: 400 with what is wrong; the lesson keeps its columns.
        for (const QJsonValue& bad :
             {QJsonValue(QJsonArray{
                  QJsonObject{{QStringLiteral("kind"), QStringLiteral("control")}, {QStringLiteral("weight"), 0}}}),
              QJsonValue(QJsonArray{
                  QJsonObject{{QStringLiteral("kind"), QStringLiteral("annual")}, {QStringLiteral("weight"), 1}}}),
              QJsonValue(QStringLiteral("control:2"))}) {
            r = saveLesson(bad);
            QVERIFY2(r.status == 400, r.body.constData());
            QVERIFY2(!r.json().value(QStringLiteral("message")).toString().isEmpty(), r.body.constData());
        }
        r = request(port, "GET", "/api/v1/lesson?lesson=" + QUrl::toPercentEncoding(lesson), {{"Cookie", cookie}});
        QCOMPARE(r.json().value(QStringLiteral("marks")).toArray(), control);
    }

    // 2.5.4 and 3.1 on the planning screens: a substitution between two other teachers, a malformed date, a topic
    // without hours or a class id that is not one are refused with what is wrong, and nothing is written.
    void planningRefusesWhatIsWrong() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        const QList<QPair<QByteArray, QByteArray>> write{
            {"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}};
        const auto pending = [&]() {
            return request(port, "GET", "/api/v1/status?poll=1", {{"Cookie", cookie}})
                .json()
                .value(QStringLiteral("pendingChangeSets"))
                .toInteger();
        };
        const qint64 before = pending();
        QJsonObject subst{{QStringLiteral("date"), QStringLiteral("2026-09-09")},
                          {QStringLiteral("slot"), 2},
                          {QStringLiteral("class"), QStringLiteral("7А")},
                          {QStringLiteral("subject"), QStringLiteral("eng")},
                          {QStringLiteral("group"), QStringLiteral("1")},
                          {QStringLiteral("absent"), QStringLiteral("petrova")},
                          {QStringLiteral("substitute"), QStringLiteral("smirnov")},
                          {QStringLiteral("reason"), QStringLiteral("курсы")}};
        HttpReply r = request(port, "POST", "/api/v1/substitutions", write, json(subst));
        QVERIFY2(r.status == 422 && r.json().value(QStringLiteral("clause")).toString() == QStringLiteral("2.5.4"),
                 r.body.constData());
        subst[QStringLiteral("substitute")] = QStringLiteral("ivanova");
        subst[QStringLiteral("date")] = QStringLiteral("09.09.2026");
        r = request(port, "POST", "/api/v1/substitutions", write, json(subst));
        QVERIFY2(r.status == 400 &&
                     r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("09.09.2026")),
                 r.body.constData());
        r = request(port, "POST", "/api/v1/ktp-topic", write,
                    json({{QStringLiteral("class"), QStringLiteral("7А")},
                          {QStringLiteral("subject"), QStringLiteral("math")},
                          {QStringLiteral("number"), 1},
                          {QStringLiteral("title"), QStringLiteral("Дроби")},
                          {QStringLiteral("hours"), 0}}));
        QVERIFY2(r.status == 400, r.body.constData());
        // Hours that are not a number are refused, not read as 0.
        r = request(port, "POST", "/api/v1/ktp-correction", write,
                    json({{QStringLiteral("class"), QStringLiteral("7А")},
                          {QStringLiteral("subject"), QStringLiteral("math")},
                          {QStringLiteral("date"), QStringLiteral("2026-09-10")},
                          {QStringLiteral("topics"), QJsonArray{1}},
                          {QStringLiteral("planned"), QStringLiteral("два")},
                          {QStringLiteral("actual"), 1},
                          {QStringLiteral("reason"), QStringLiteral("карантин")},
                          {QStringLiteral("method"), QStringLiteral("merge")}}));
        QVERIFY2(r.status == 400, r.body.constData());
        r = request(port, "GET", "/api/v1/ktp?class=..%2Fx&subject=math", {{"Cookie", cookie}});
        QVERIFY2(r.status == 400, r.body.constData());
        QCOMPARE(pending(), before);

        // Hers: recorded, listed with the names, and the lesson it allows is hers to write.
        subst[QStringLiteral("date")] = QStringLiteral("2026-09-09");
        r = request(port, "POST", "/api/v1/substitutions", write, json(subst));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(pending(), before + 1);
        r = request(port, "GET", "/api/v1/substitutions?from=2026-09-01&to=2026-09-30", {{"Cookie", cookie}});
        const QJsonArray list = r.json().value(QStringLiteral("substitutions")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QStringLiteral("absentName")).toString(),
                 QStringLiteral("Петрова Анна Викторовна"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("substitute"));
        r = request(port, "POST", "/api/v1/lesson", write,
                    json({{QStringLiteral("lesson"), QStringLiteral("7А/eng/1/2026-09-09/2")},
                          {QStringLiteral("topic"), QStringLiteral("Present Simple")}}));
        QVERIFY2(r.status == 200, r.body.constData());
    }

    // Issue 11 item 3 (2.5.10): «Печать» in the web journal returns the journal as PDF/A, numbered in this
    // computer's register; a write like any other (the CSRF token), and a span without lessons prints nothing.
    void printReturnsTheRegisteredPdf() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        const QJsonObject ask{{QStringLiteral("form"), QStringLiteral("journal")},
                              {QStringLiteral("class"), QStringLiteral("7А")},
                              {QStringLiteral("subject"), QStringLiteral("math")},
                              {QStringLiteral("group"), QStringLiteral("all")},
                              {QStringLiteral("from"), QStringLiteral("2026-09-01")},
                              {QStringLiteral("to"), QStringLiteral("2026-09-30")}};
        HttpReply r = request(port, "POST", "/api/v1/print", {{"Cookie", cookie}, {"Content-Type", "application/json"}},
                              json(ask));
        QCOMPARE(r.status, 403); // no CSRF token
        r = request(port, "POST", "/api/v1/print",
                    {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}}, json(ask));
        QVERIFY2(r.status == 200, r.body.left(300).constData());
        QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/pdf"));
        QVERIFY(r.body.startsWith("%PDF-"));
        QVERIFY2(r.header("content-disposition").startsWith("attachment; filename=\"journal-"),
                 r.header("content-disposition").constData());
        const QByteArray number = r.header("x-print-number");
        const QByteArray printed = r.body;
        QVERIFY(!number.isEmpty());
        const QString pdf = tabel::test::writeFile(m_tmp.filePath(QStringLiteral("web-print.pdf")), r.body);
        const ProcessResult text = tabel::test::run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.out.contains(QStringLiteral("ЖУРНАЛ УЧЁТА УСПЕВАЕМОСТИ")), qPrintable(text.out));

        QJsonObject empty = ask;
        empty[QStringLiteral("from")] = QStringLiteral("2027-06-01");
        empty[QStringLiteral("to")] = QStringLiteral("2027-06-30");
        r = request(port, "POST", "/api/v1/print",
                    {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}}, json(empty));
        QCOMPARE(r.status, 404);
        QVERIFY2(r.json().value(QStringLiteral("message")).toString().contains(QStringLiteral("no lessons")),
                 r.body.constData());
        stop(p);
        // The register on this computer has exactly the one print, with the file's hash.
        const ProcessResult list = node({QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray all = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(all.size(), 1);
        QCOMPARE(QByteArray::number(all[0].toObject().value(QStringLiteral("number")).toInteger()), number);
        QCOMPARE(all[0].toObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(printed, QCryptographicHash::Sha256).toHex()));
    }

    // Issue 10 item 3, 2.6.8 (R-J13): in the web journal a period mark already given changes only as a correction,
    // with why and who approved it; without them nothing changes.
    void periodMarkCorrectedWithReasonAndApprover() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        const auto post = [&, cookie = cookie, csrf = csrf](const char* path, const QJsonObject& body) {
            return request(port, "POST", path,
                           {{"Cookie", cookie}, {"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}},
                           json(body));
        };
        const QJsonObject mark{{QStringLiteral("class"), QStringLiteral("7А")},
                               {QStringLiteral("subject"), QStringLiteral("math")},
                               {QStringLiteral("period"), QStringLiteral("q1")},
                               {QStringLiteral("pupil"), QStringLiteral("7a-05")}};
        QJsonObject given = mark;
        given[QStringLiteral("value")] = QStringLiteral("4");
        given[QStringLiteral("overrideReason")] = QStringLiteral("досрочная аттестация");
        HttpReply r = post("/api/v1/period-mark", given);
        QVERIFY2(r.status == 200 && r.json().value(QStringLiteral("ok")).toBool(), r.body.constData());

        QJsonObject correction = mark;
        correction[QStringLiteral("value")] = QStringLiteral("5");
        correction[QStringLiteral("explanation")] = QStringLiteral("не учтена контрольная работа");
        r = post("/api/v1/period-mark-correction", correction); // no approver
        QCOMPARE(r.status, 200);
        QVERIFY(!r.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.json().value(QStringLiteral("clause")).toString(), QStringLiteral("2.6.8"));
        correction[QStringLiteral("approver")] = QStringLiteral("Директор Орлова Е. В.");
        r = post("/api/v1/period-mark-correction", correction);
        QVERIFY2(r.json().value(QStringLiteral("ok")).toBool(), r.body.constData());
        QCOMPARE(r.json().value(QStringLiteral("stored")).toString(), QStringLiteral("5"));

        stop(p);
        const ProcessResult out = node({QStringLiteral("journal"), QStringLiteral("--pupil"), QStringLiteral("7a-05"),
                                        QStringLiteral("--from"), QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                                        QStringLiteral("2026-12-31"), QStringLiteral("--json")});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        bool found = false;
        for (const QJsonValue& v :
             QJsonDocument::fromJson(out.out.toUtf8()).object().value(QStringLiteral("period_marks")).toArray())
            found = found || (v.toObject().value(QStringLiteral("period")).toString() == QStringLiteral("q1") &&
                              v.toObject().value(QStringLiteral("value")).toString() == QStringLiteral("5"));
        QVERIFY2(found, qPrintable(out.out));
    }

    // Issue 10 item 3 (sync): the conflicts of her scopes waiting at the hub, in words a teacher reads — whose mark,
    // which subject and lesson, which field — not entity keys.
    void openConflictsInWords() {
        {
            QVERIFY(tabel::crypto::initialize());
            auto store = tabel::node::NodeStore::open(
                m_store, tabel::crypto::SecretBytes::fromBytes(kPassphrase.toUtf8().constData(),
                                                               std::size_t(kPassphrase.toUtf8().size())));
            QVERIFY2(store, store ? "" : qPrintable(store.error().message));
            QVERIFY(store->recordSync(
                1, QList<tabel::sync::OpenConflict>{{QStringLiteral("c0123456789"),
                                                     QStringLiteral("mark/7А/math/all/2026-09-03/1/7a-02/1"),
                                                     QStringLiteral("value")}}));
        }
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const auto [cookie, csrf] = unlock(port);
        Q_UNUSED(csrf);
        const QJsonObject st = request(port, "GET", "/api/v1/status?poll=1", {{"Cookie", cookie}}).json();
        const QJsonArray list = st.value(QStringLiteral("conflictList")).toArray();
        QCOMPARE(list.size(), 1);
        const QString what = list.at(0).toObject().value(QStringLiteral("what")).toString();
        QVERIFY2(what.contains(QStringLiteral("(7a-02)")) && what.contains(QStringLiteral("03.09.2026")) &&
                     !what.contains(QStringLiteral("mark/")),
                 qPrintable(what));
        QVERIFY(!list.at(0).toObject().value(QStringLiteral("field")).toString().isEmpty());
    }

    void wrongPassphraseSameMessageAndGrowingDelay() {
        QProcess p;
        const quint16 port = serve(p);
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        const ProcessResult cli = node({QStringLiteral("status")}, QStringLiteral("wrong"));
        QCOMPARE(cli.exitCode, 3);
        const QString cliMessage = cli.err.split(u'\n').value(0).remove(QStringLiteral("tabel-node: "));
        const auto attempt = [&](const QString& passphrase) {
            return request(port, "POST", "/api/v1/unlock", {{"Content-Type", "application/json"}},
                           json({{QStringLiteral("passphrase"), passphrase}}));
        };
        const HttpReply first = attempt(QStringLiteral("wrong"));
        QCOMPARE(first.status, 401);
        QCOMPARE(first.json().value(QStringLiteral("message")).toString(), cliMessage);
        QVERIFY(first.header("set-cookie").isEmpty());
        QCOMPARE(first.header("retry-after"), QByteArray("1"));
        // At once again, even with the right passphrase: wait.
        const HttpReply early = attempt(kPassphrase);
        QCOMPARE(early.status, 429);
        QVERIFY(early.header("set-cookie").isEmpty());
        QTest::qWait(1100);
        QCOMPARE(attempt(QStringLiteral("wrong")).header("retry-after"), QByteArray("2")); // 1, 2, 4 … s
        QCOMPARE(attempt(kPassphrase).status, 429);
        QTest::qWait(2100);
        QCOMPARE(attempt(kPassphrase).status, 200); // and the count starts again
    }

    void logoutAndIdleLock() {
        QProcess p;
        const quint16 port = serve(p, {QStringLiteral("--idle-lock-seconds"), QStringLiteral("2")});
        const auto stopAtEnd = qScopeGuard([&p]() { stop(p); });
        QVERIFY(port);
        auto [cookie, csrf] = unlock(port);
        QCOMPARE(request(port, "GET", "/api/v1/classes", {{"Cookie", cookie}}).status, 200);
        const HttpReply out = request(port, "POST", "/api/v1/lock", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
        QCOMPARE(out.status, 200);
        QVERIFY(out.header("set-cookie").contains("Max-Age=0"));
        QCOMPARE(request(port, "GET", "/api/v1/classes", {{"Cookie", cookie}}).status, 401);

        std::tie(cookie, csrf) = unlock(port);
        QCOMPARE(request(port, "GET", "/api/v1/classes", {{"Cookie", cookie}}).status, 200);
        // Status polls do not keep the journal open.
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(500);
            request(port, "GET", "/api/v1/status?poll=1", {{"Cookie", cookie}});
        }
        QCOMPARE(request(port, "GET", "/api/v1/classes", {{"Cookie", cookie}}).status, 401);
        QCOMPARE(request(port, "GET", "/journal", {{"Cookie", cookie}}).status, 303);
    }
};

QTEST_GUILESS_MAIN(TestNodeServe)
#include "test_node_serve.moc"
