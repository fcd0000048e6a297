// The printed summary sheet and the register of prints through the real tabel-hub (issue 11; 2.5.8, 2.5.10,
// R-S8, R-J13): a hub holding the demo school's class 7А with quarter marks, a correction and absences prints the
// sheet as PDF/A and HTML; the test reads back what was made — pdftotext gives the Russian text in order, pdffonts
// shows every font embedded, pdfinfo the pages, A4 and the PDF/A-1b claim — and checks the register: the hash of
// the file, `prints verify` of the file and of an altered copy, the audit row. Bad input leaves no file and no
// entry. The test functions run in order and share the hub store.
#include "hub/store/hub_store.h"
#include "shared/crypto/secret.h"
#include "shared/domain/model.h"
#include "shared/domain/reference_import.h"
#include "tests/support/test_support.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using tabel::test::describe;
using tabel::test::ProcessResult;
using namespace tabel;

namespace {

QString u(const char* s) {
    return QString::fromUtf8(s);
}

QByteArray sha256Of(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestHubPrint : public QObject {
    Q_OBJECT

private:
    QString m_hubBin;
    QTemporaryDir m_tmp;
    QString m_hubStore;

    ProcessResult hub(const QStringList& args) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TABEL_LANG"), QStringLiteral("en"));
        return tabel::test::run(m_hubBin, QStringList{QStringLiteral("--store"), m_hubStore} + args, env);
    }
    ProcessResult tool(const QString& program, const QStringList& args) { return tabel::test::run(program, args); }

    QJsonArray prints() {
        const ProcessResult r = hub({QStringLiteral("prints"), QStringLiteral("list"), QStringLiteral("--json")});
        if (r.exitCode != 0)
            qFatal("prints list failed: %s", qPrintable(describe(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    // The demo school's 7А: calendar, roster and timetable imported as the operator does, quarter marks in
    // mathematics, one of them corrected (2.6.8), and two absences in the quarter, one for illness.
    void seed() {
        auto store = hub::HubStore::open(m_hubStore);
        if (!store)
            qFatal("open: %s", qPrintable(store.error().message));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString demo = tabel::test::sourceDir() + QStringLiteral("/deploy/demo/");
        for (auto [kind, file] : {std::pair{domain::ReferenceKind::Calendar, "calendar.csv"},
                                  std::pair{domain::ReferenceKind::Roster, "roster.csv"},
                                  std::pair{domain::ReferenceKind::Timetable, "timetable.csv"}})
            if (auto r = store->importReference(kind, demo + QLatin1String(file), now); !r)
                qFatal("import %s: %s", file, qPrintable(r.error().message));
        QList<domain::ReferenceEntity> entities;
        const QStringList pupils{u("7a-01"), u("7a-02"), u("7a-03"), u("7a-04")};
        const QList<domain::MarkValue> values{domain::MarkValue::Five, domain::MarkValue::Four,
                                              domain::MarkValue::Three, domain::MarkValue::Four};
        for (int i = 0; i < pupils.size(); ++i) {
            domain::PeriodMark m{
                u("7А"),   u("math"), u("q1"),      pupils[i],
                values[i], {},        u("ivanova"), QDateTime(QDate(2026, 10, 20), QTime(10, 0), Qt::UTC)};
            entities.append({m.entityKey(), m.toFields()});
        }
        domain::Correction c;
        c.classId = u("7А");
        c.subjectId = u("math");
        c.periodId = u("q1");
        c.pupilId = u("7a-03");
        c.oldValue = domain::MarkValue::Four;
        c.newValue = domain::MarkValue::Three;
        c.explanation = u("Ошибка при выставлении: не учтена контрольная работа");
        c.approver = u("Петрова А. С.");
        c.authorId = u("ivanova");
        c.date = QDate(2026, 10, 30);
        entities.append({c.entityKey(), c.toFields()});
        const domain::LessonKey lesson{u("7А"), u("math"), u("all"), QDate(2026, 9, 14), 2};
        domain::Lesson l;
        l.key = lesson;
        l.topic = u("Делимость чисел");
        l.ktpTopic = 1; // the КТП's first topic (3.1)
        entities.append({l.entityKey(), l.toFields()});
        for (auto [pupil, reason] : {std::pair{"7a-01", domain::AbsenceReason::Illness},
                                     std::pair{"7a-02", domain::AbsenceReason::Unexcused}}) {
            domain::Attendance a;
            a.lesson = lesson;
            a.pupilId = u(pupil);
            a.reason = reason;
            entities.append({a.entityKey(), a.toFields()});
        }
        // The lesson's marks (two in one cell), and a substitution of the next lesson (2.5.4).
        for (auto [pupil, column, value] :
             {std::tuple{"7a-03", 1, domain::MarkValue::Four}, std::tuple{"7a-03", 2, domain::MarkValue::Five},
              std::tuple{"7a-04", 1, domain::MarkValue::Three}}) {
            domain::Mark m;
            m.lesson = lesson;
            m.pupilId = u(pupil);
            m.column = column;
            m.value = value;
            entities.append({m.entityKey(), m.toFields()});
        }
        const domain::LessonKey substituted{u("7А"), u("math"), u("all"), QDate(2026, 9, 16), 3};
        domain::Lesson l2;
        l2.key = substituted;
        l2.topic = u("Признаки делимости");
        l2.homework = u("№ 40–44");
        l2.homeworkDue = QDate(2026, 9, 18);
        entities.append({l2.entityKey(), l2.toFields()});
        domain::Substitution sub{substituted.date, substituted.slot, u("7А"),       u("all"),
                                 u("math"),        u("ivanova"),     u("smirnova"), u("болезнь")};
        entities.append({sub.entityKey(), sub.toFields()});
        // The КТП of mathematics: two topics, the lesson of 14.09 tied to the first, one correction-sheet entry.
        for (auto [number, title, hours] :
             {std::tuple{1, "Делимость чисел", 2}, std::tuple{2, "Признаки делимости", 3}}) {
            domain::KtpTopic t{u("7А"), u("math"), number, u(title), hours};
            entities.append({t.entityKey(), t.toFields()});
        }
        domain::KtpCorrection fix;
        fix.classId = u("7А");
        fix.subjectId = u("math");
        fix.number = 1;
        fix.date = QDate(2026, 10, 5);
        fix.topics = {1, 2};
        fix.plannedHours = 5;
        fix.actualHours = 4;
        fix.reason = u("карантин 28.09–02.10");
        fix.method = domain::KtpMethod::MergeTopics;
        entities.append({fix.entityKey(), fix.toFields()});
        if (auto r = store->writeEntities(entities, now); !r)
            qFatal("seed: %s", qPrintable(r.error().message));
    }

private slots:
    void initTestCase() {
        m_hubBin = tabel::test::binaryFromEnv("TABEL_HUB_BIN");
        QVERIFY(m_tmp.isValid());
        m_hubStore = m_tmp.filePath(QStringLiteral("hub"));
        QVERIFY(crypto::initialize());
        seed();
        EXPECT_EXIT(hub({u("school"), u("set"), u("--name"),
                         u("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»"),
                         u("--address"), u("г. Рыбинск, ул. Крестовая, д. 1"), u("--director"),
                         u("Петрова Анна Сергеевна"), u("--deputy"), u("Смирнова Ольга Викторовна")}),
                    0);
    }

    // 2.5.8, R-J13, R-S8: the sheet as PDF/A, read back.
    void RS8_summarySheetPrintedAsPdfA() {
        const QString out = m_tmp.filePath(QStringLiteral("7А-q1.pdf"));
        const ProcessResult r =
            hub({u("print"), u("summary"), u("--class"), u("7А"), u("--period"), u("q1"), u("--out"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(u("number 1 in the register of prints")), qPrintable(r.out));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // nothing but what the operator must read

        // The text in reading order (pdftotext reads a table column by column), Russian as printed.
        const ProcessResult raw = tool(QStringLiteral("pdftotext"), {out, u("-")});
        EXPECT_EXIT(raw, 0);
        const QString flow = raw.out.simplified();
        const QStringList expectedInOrder{u("Средняя школа № 1"),
                                          u("Рег. № 1 от"),
                                          u("СВОДНАЯ ВЕДОМОСТЬ"),
                                          u("учёта результатов промежуточной и итоговой аттестации обучающихся"),
                                          u("класс 7А, 1 четверть, 2026/2027 учебный год"),
                                          u("Фамилия, имя, отчество обучающегося"),
                                          u("Алексеев Артём"),
                                          u("Белова Варвара"),
                                          u("Воронцов Глеб"),
                                          u("Добровольская"),
                                          u("Исправления отметок (п. 2.6.8)"),
                                          u("Ошибка"), // a narrow cell may break a phrase between cells
                                          u("Петрова"),
                                          u("Директор"),
                                          u("Заместитель директора по учебной работе"),
                                          u("М.П."),
                                          u("Страница 1 из 1")};
        qsizetype at = 0;
        for (const QString& part : expectedInOrder) {
            const qsizetype found = flow.indexOf(part, at);
            QVERIFY2(found >= 0, qPrintable(u("«%1» missing after position %2 in:\n%3").arg(part).arg(at).arg(flow)));
            at = found + part.size();
        }
        QVERIFY2(flow.contains(u("/Петрова Анна Сергеевна/")) && flow.contains(u("/Смирнова Ольга Викторовна/")),
                 qPrintable(flow));
        for (const char* part : {"Математика", "Пропущено уроков", "из них по болезни", "3 (испр.)"})
            QVERIFY2(flow.contains(u(part)), part);
        const ProcessResult text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), out, u("-")});
        EXPECT_EXIT(text, 0);
        // Absences of the quarter: Алексеев 1 (of them by illness 1), Белова 1 (0).
        QVERIFY2(QRegularExpression(u("Алексеев Артём[^\\n]*5[^\\n]*1\\s+1\\s*\\n")).match(text.out).hasMatch(),
                 qPrintable(text.out));
        QVERIFY2(QRegularExpression(u("Белова Варвара[^\\n]*4[^\\n]*1\\s+0\\s*\\n")).match(text.out).hasMatch(),
                 qPrintable(text.out));

        // Every font embedded.
        const ProcessResult fonts = tool(QStringLiteral("pdffonts"), {out});
        EXPECT_EXIT(fonts, 0);
        const QStringList fontLines = fonts.out.split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY2(!fontLines.isEmpty(), qPrintable(fonts.out));
        for (const QString& line : fontLines) {
            QVERIFY2(line.startsWith(u("Liberation")), qPrintable(fonts.out));
            QVERIFY2(QRegularExpression(u("\\s+yes\\s+\\S+\\s+yes\\s+")).match(line).hasMatch(), qPrintable(fonts.out));
        }

        // Pages, A4, the PDF/A-1b claim in the XMP metadata.
        const ProcessResult info = tool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), out});
        EXPECT_EXIT(info, 0);
        QVERIFY2(info.out.contains(u("pdfaid:part=\"1\"")) && info.out.contains(u("pdfaid:conformance=\"B\"")),
                 qPrintable(info.out));
        const ProcessResult pages = tool(QStringLiteral("pdfinfo"), {out});
        QVERIFY2(pages.out.contains(QRegularExpression(u("Pages:\\s+1\\n"))), qPrintable(pages.out));
        QVERIFY2(pages.out.contains(u("595 x 842 pts (A4)")), qPrintable(pages.out));

        // The register: one entry, the file's own hash, its pages, who and what.
        const QJsonArray all = prints();
        QCOMPARE(all.size(), 1);
        const QJsonObject entry = all[0].toObject();
        QCOMPARE(entry.value(u("number")).toInt(), 1);
        QCOMPARE(entry.value(u("form")).toString(), u("summary"));
        QCOMPARE(entry.value(u("parameters")).toString(), u("class=7А period=q1"));
        QCOMPARE(entry.value(u("format")).toString(), u("pdf"));
        QCOMPARE(entry.value(u("pages")).toInt(), 1);
        QCOMPARE(entry.value(u("bytes")).toInteger(), QFileInfo(out).size());
        QCOMPARE(entry.value(u("sha256")).toString(), QString::fromLatin1(sha256Of(out).toHex()));
        QVERIFY(!entry.value(u("who")).toString().isEmpty());

        // The print of pupils' marks is audited (5.5).
        auto store = hub::HubStore::open(m_hubStore);
        QVERIFY(store);
        auto audited = store->database().queryInt("SELECT count(*) FROM audit WHERE command = 'print' AND detail LIKE "
                                                  "'number=1 form=summary class=7А period=q1%'");
        QVERIFY(audited);
        QCOMPARE(*audited, 1);
    }

    // 2.5.10: a file on hand is or is not exactly a registered print.
    void printsVerifyNamesTheEntryAndRefusesAnAlteredFile() {
        const QString out = m_tmp.filePath(QStringLiteral("7А-q1.pdf"));
        ProcessResult r = hub({u("prints"), u("verify"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(u("is print number 1")) && r.out.contains(u("class=7А period=q1")), qPrintable(r.out));

        QByteArray bytes = readAll(out);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        const QString altered = tabel::test::writeFile(m_tmp.filePath(QStringLiteral("altered.pdf")), bytes);
        r = hub({u("prints"), u("verify"), altered});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("is not a registered print")), qPrintable(r.err));

        r = hub({u("prints"), u("verify"), m_tmp.filePath(QStringLiteral("no-such.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("cannot be read")), qPrintable(r.err));
    }

    // The same content as HTML; what comes from data is escaped, never markup.
    void summarySheetAsHtml() {
        {
            auto store = hub::HubStore::open(m_hubStore);
            QVERIFY(store);
            domain::Pupil p;
            p.id = u("7a-99");
            p.classId = u("7А");
            p.surname = u("Яшин<script>alert(1)</script>"); // last in the alphabetical book
            p.name = u("Тест");
            QVERIFY(store->writeEntities({{p.entityKey(), p.toFields()}}, QDateTime::currentMSecsSinceEpoch()));
        }
        const QString out = m_tmp.filePath(QStringLiteral("7А-q1.html"));
        EXPECT_EXIT(hub({u("print"), u("summary"), u("--class"), u("7А"), u("--period"), u("q1"), u("--out"), out}), 0);
        const QString html = QString::fromUtf8(readAll(out));
        QVERIFY(html.startsWith(u("<!DOCTYPE html>")));
        for (const char* part : {"СВОДНАЯ ВЕДОМОСТЬ", "Алексеев Артём", "Ошибка при выставлении",
                                 "Петрова Анна Сергеевна", "Рег. № 2 от", "&lt;script&gt;alert(1)&lt;/script&gt;"})
            QVERIFY2(html.contains(u(part)), part);
        QVERIFY(!html.contains(u("<script>")));
        const QJsonArray all = prints();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[1].toObject().value(u("format")).toString(), u("html"));
        QCOMPARE(all[1].toObject().value(u("sha256")).toString(), QString::fromLatin1(sha256Of(out).toHex()));
    }

    // The sheet for Excel (issue 11 item 5), read back with Debian's python3-openpyxl: Cyrillic sheet names, the
    // header row and the names' column frozen, marks as numbers, a corrected mark in italics with its correction
    // as the cell's note, the corrections on a sheet of their own.
    void summarySheetAsXlsx() {
        const QString out = m_tmp.filePath(QStringLiteral("7А-q1.xlsx"));
        const ProcessResult r =
            hub({u("print"), u("summary"), u("--class"), u("7А"), u("--period"), u("q1"), u("--out"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(u("for Excel, number 3")), qPrintable(r.out));
        const QString reader = QStringLiteral(R"py(
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "sheets_cells": []}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = {"value": c.value, "number": isinstance(c.value, (int, float)),
                                       "italic": bool(c.font.i), "note": c.comment.text if c.comment else ""}
    out["sheets_cells"].append({"freeze": ws.freeze_panes, "cells": cells})
print(json.dumps(out, ensure_ascii=False))
)py");
        const ProcessResult read = tool(QStringLiteral("/usr/bin/python3"), {u("-c"), reader, out});
        EXPECT_EXIT(read, 0);
        const QJsonObject book = QJsonDocument::fromJson(read.out.toUtf8()).object();
        QCOMPARE(book.value(u("sheets")).toArray().toVariantList(),
                 (QVariantList{u("Ведомость 7А"), u("Исправления"), u("Синхронизация")}));
        const QJsonObject sheet = book.value(u("sheets_cells")).toArray()[0].toObject();
        QCOMPARE(sheet.value(u("freeze")).toString(), u("B6")); // rows 1–5 (title, header) and column A
        const QJsonObject cells = sheet.value(u("cells")).toObject();
        const auto cell = [&](const char* at) { return cells.value(u(at)).toObject(); };
        QVERIFY2(cell("A1").value(u("value")).toString().startsWith(u("Сводная ведомость")), qPrintable(read.out));
        QCOMPARE(cell("A5").value(u("value")).toString(), u("Фамилия, имя, отчество"));
        // Columns: name, then the subjects by name (Английский язык, Математика, Русский язык), then absences.
        QCOMPARE(cell("C5").value(u("value")).toString(), u("Математика"));
        QCOMPARE(cell("A6").value(u("value")).toString(), u("Алексеев Артём Игоревич"));
        QCOMPARE(cell("C6").value(u("value")).toInt(), 5);
        QVERIFY(cell("C6").value(u("number")).toBool());
        QCOMPARE(cell("E6").value(u("value")).toInt(), 1); // absences
        QCOMPARE(cell("F6").value(u("value")).toInt(), 1); // of them for illness
        QCOMPARE(cell("A8").value(u("value")).toString(), u("Воронцов Глеб Андреевич"));
        QCOMPARE(cell("C8").value(u("value")).toInt(), 3); // corrected 4 → 3
        QVERIFY(cell("C8").value(u("italic")).toBool());
        QVERIFY2(cell("C8").value(u("note")).toString().contains(u("4 → 3")) &&
                     cell("C8").value(u("note")).toString().contains(u("Петрова А. С.")),
                 qPrintable(read.out));
        const QJsonObject corrections =
            book.value(u("sheets_cells")).toArray()[1].toObject().value(u("cells")).toObject();
        QCOMPARE(corrections.value(u("D4")).toObject().value(u("value")).toInt(), 4);
        QCOMPARE(corrections.value(u("E4")).toObject().value(u("value")).toInt(), 3);
        QVERIFY(corrections.value(u("F4")).toObject().value(u("value")).toString().startsWith(u("Ошибка")));

        const QJsonArray all = prints();
        QCOMPARE(all.last().toObject().value(u("format")).toString(), u("xlsx"));
        QCOMPARE(all.last().toObject().value(u("sha256")).toString(), QString::fromLatin1(sha256Of(out).toHex()));
        EXPECT_EXIT(hub({u("prints"), u("verify"), out}), 0);
    }

    // 2.5.10: the class journal of 7А's mathematics for the first quarter, as PDF/A and for Excel.
    void classJournalPrinted() {
        const QString out = m_tmp.filePath(QStringLiteral("7А-math-q1.pdf"));
        ProcessResult r = hub({u("print"), u("journal"), u("--class"), u("7А"), u("--subject"), u("math"),
                               u("--period"), u("q1"), u("--out"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(u("2 lessons")), qPrintable(r.out));
        const ProcessResult text = tool(QStringLiteral("pdftotext"), {out, u("-")});
        EXPECT_EXIT(text, 0);
        const QString flow = text.out.simplified();
        for (const char* part :
             {"ЖУРНАЛ УЧЁТА УСПЕВАЕМОСТИ", "Математика, класс 7А, весь класс; 1 четверть (с 01.09.2026 по 24.10.2026)",
              "Алексеев Артём Игоревич", "14.09/2", "16.09/3", "4/5", "Делимость чисел", "Признаки делимости",
              "№ 40–44 (к 18.09.2026)", "Замена (п. 2.5.4)", "вместо", "(болезнь)", "Учитель", "Страница 1 из 2",
              "Страница 2 из 2"})
            QVERIFY2(flow.contains(u(part)), qPrintable(u(part) + u(" missing in:\n") + flow));
        // Алексеев was absent for illness («б»), Белова without a valid reason («н») in the lesson of 14.09.
        const ProcessResult layout = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), out, u("-")});
        QVERIFY2(QRegularExpression(u("Алексеев Артём Игоревич\\s+б\\s")).match(layout.out).hasMatch(),
                 qPrintable(layout.out));
        QVERIFY2(QRegularExpression(u("Белова Варвара Сергеевна\\s+н\\s")).match(layout.out).hasMatch(),
                 qPrintable(layout.out));
        const ProcessResult fonts = tool(QStringLiteral("pdffonts"), {out});
        for (const QString& line : fonts.out.split(u'\n', Qt::SkipEmptyParts).mid(2)) // every font embedded
            QVERIFY2(QRegularExpression(u("^Liberation\\S+\\s+CID TrueType\\s+\\S+\\s+yes\\s+\\S+\\s+yes\\s"))
                         .match(line)
                         .hasMatch(),
                     qPrintable(fonts.out));
        const ProcessResult info = tool(QStringLiteral("pdfinfo"), {out});
        QVERIFY2(info.out.contains(QRegularExpression(u("Pages:\\s+2\\n"))), qPrintable(info.out));
        QVERIFY2(info.out.contains(u("842 x 595 pts (A4)")), qPrintable(info.out)); // A4 landscape
        const QJsonObject entry = prints().last().toObject();
        QCOMPARE(entry.value(u("form")).toString(), u("journal"));
        QCOMPARE(entry.value(u("parameters")).toString(),
                 u("class=7А subject=math group=all from=2026-09-01 to=2026-10-24"));
        QCOMPARE(entry.value(u("pages")).toInt(), 2);
        QCOMPARE(entry.value(u("sha256")).toString(), QString::fromLatin1(sha256Of(out).toHex()));

        const QString xlsx = m_tmp.filePath(QStringLiteral("7А-math-q1.xlsx"));
        EXPECT_EXIT(hub({u("print"), u("journal"), u("--class"), u("7А"), u("--subject"), u("math"), u("--from"),
                         u("2026-09-01"), u("--to"), u("2026-09-30"), u("--out"), xlsx}),
                    0);
        const QString reader = QStringLiteral(R"py(
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
print(json.dumps({"title": ws.title, "freeze": ws.freeze_panes,
                  "cells": {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}},
                 ensure_ascii=False))
)py");
        const ProcessResult read = tool(QStringLiteral("/usr/bin/python3"), {u("-c"), reader, xlsx});
        EXPECT_EXIT(read, 0);
        const QJsonObject book = QJsonDocument::fromJson(read.out.toUtf8()).object();
        QCOMPARE(book.value(u("title")).toString(), u("Журнал 7А Математика"));
        QCOMPARE(book.value(u("freeze")).toString(), u("B6"));
        const QJsonObject cells = book.value(u("cells")).toObject();
        QCOMPARE(cells.value(u("B5")).toString(), u("14.09/2"));
        QCOMPARE(cells.value(u("A6")).toString(), u("Алексеев Артём Игоревич"));
        QCOMPARE(cells.value(u("B6")).toString(), u("б"));
        QCOMPARE(cells.value(u("B8")).toString(), u("4/5")); // Воронцов: two marks in one lesson
        QCOMPARE(cells.value(u("B9")).toInt(), 3);           // Добровольская: one mark, a number
        QVERIFY(cells.value(u("B9")).isDouble());

        r = hub({u("print"), u("journal"), u("--class"), u("7А"), u("--subject"), u("math"), u("--period"), u("q3"),
                 u("--out"), m_tmp.filePath(QStringLiteral("empty.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("has no lessons between")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("empty.pdf"))));
        r = hub({u("print"), u("journal"), u("--class"), u("7А"), u("--subject"), u("math"), u("--period"), u("q1"),
                 u("--from"), u("2026-09-01"), u("--out"), m_tmp.filePath(QStringLiteral("both.pdf"))});
        EXPECT_EXIT(r, 2);
        QVERIFY2(r.err.contains(u("either --period")), qPrintable(r.err));
    }

    // 2.5.4, R-J10: the substitution journal of September, with the lesson the substitute wrote.
    void substitutionJournalPrinted() {
        const QString out = m_tmp.filePath(QStringLiteral("substitutions-09.pdf"));
        ProcessResult r = hub({u("print"), u("substitutions"), u("--from"), u("2026-09-01"), u("--to"), u("2026-09-30"),
                               u("--out"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.out.contains(u("(1 substitution(s))")), qPrintable(r.out));
        const ProcessResult text = tool(QStringLiteral("pdftotext"), {out, u("-")});
        const QString flow = text.out.simplified();
        for (const char* part :
             {"ЖУРНАЛ ЗАМЕНЫ УРОКОВ", "все классы, с 01.09.2026 по 30.09.2026", "16.09.2026", "Математика", "болезнь",
              "Признаки делимости", "Заместитель директора по учебной работе", "/Смирнова Ольга Викторовна/",
              "Страница 1 из 1"})
            QVERIFY2(flow.contains(u(part)), qPrintable(u(part) + u(" missing in:\n") + flow));
        QCOMPARE(prints().last().toObject().value(u("form")).toString(), u("substitutions"));

        r = hub({u("print"), u("substitutions"), u("--from"), u("2026-10-01"), u("--to"), u("2026-10-31"), u("--out"),
                 m_tmp.filePath(QStringLiteral("none.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("no substitution is recorded between 01.10.2026 and 31.10.2026")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(QStringLiteral("none.pdf"))));
    }

    // 2.6.11, R-P4: the extract of a pupil's current marks on withdrawal; a teacher whose computer has not synced
    // since the date is named on it.
    void extractOfCurrentMarksWarnsOfUnsyncedTeachers() {
        const ProcessResult added = hub({u("node"), u("add"), u("--teacher"), u("ivanova"), u("--name"),
                                         u("Иванова Мария Петровна"), u("--assign"), u("7А/math/all")});
        EXPECT_EXIT(added, 0);
        const QString out = m_tmp.filePath(QStringLiteral("extract-7a-03.pdf"));
        ProcessResult r =
            hub({u("print"), u("extract"), u("--pupil"), u("7a-03"), u("--date"), u("2026-10-01"), u("--out"), out});
        EXPECT_EXIT(r, 0);
        QVERIFY2(r.err.contains(u("warning: not synced since 01.10.2026")), qPrintable(r.err));
        const QString flow = tool(QStringLiteral("pdftotext"), {out, u("-")}).out.simplified();
        for (const char* part :
             {"ВЫПИСКА ТЕКУЩИХ ОТМЕТОК", "Воронцов Глеб Андреевич, класс 7А, с 01.09.2026 по 01.10.2026",
              "Внимание: выписка может быть неполной", "Иванова Мария Петровна (Математика",
              "ещё ни разу не синхронизировался", "Математика", "4 (14.09), 5 (14.09)", "1 четверть: 3",
              "Классный руководитель", "Директор", "М.П."})
            QVERIFY2(flow.contains(u(part)), qPrintable(u(part) + u(" missing in:\n") + flow));
        QCOMPARE(prints().last().toObject().value(u("form")).toString(), u("extract"));

        r = hub({u("print"), u("extract"), u("--pupil"), u("7a-77"), u("--out"), m_tmp.filePath(u("x.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("no pupil «7a-77»")), qPrintable(r.err));
    }

    // 3.1, R-J6: the КТП with the lessons that taught each topic and its correction sheet.
    void ktpPrintedWithItsCorrectionSheet() {
        const QString out = m_tmp.filePath(QStringLiteral("ktp-7А-math.pdf"));
        ProcessResult r =
            hub({u("print"), u("ktp"), u("--class"), u("7А"), u("--subject"), u("math"), u("--out"), out});
        EXPECT_EXIT(r, 0);
        const QString flow = tool(QStringLiteral("pdftotext"), {out, u("-")}).out.simplified();
        for (const char* part :
             {"КАЛЕНДАРНО-ТЕМАТИЧЕСКОЕ ПЛАНИРОВАНИЕ", "Математика, класс 7А", "Делимость чисел", "14.09",
              "Признаки делимости", "Итого", "Лист корректировки КТП", "05.10.2026", "1, 2", "объединение тем",
              "карантин 28.09–02.10", "Учитель", "Заместитель директора по учебной работе"})
            QVERIFY2(flow.contains(u(part)), qPrintable(u(part) + u(" missing in:\n") + flow));
        QCOMPARE(prints().last().toObject().value(u("form")).toString(), u("ktp"));
        r = hub({u("print"), u("ktp"), u("--class"), u("7А"), u("--subject"), u("rus"), u("--out"),
                 m_tmp.filePath(QStringLiteral("ktp-none.pdf"))});
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(u("holds no КТП")), qPrintable(r.err));
    }

    // Bad input: a clear message, no file (an existing one untouched), no entry in the register.
    void badInputLeavesNoFileAndNoEntry_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("existingFile");
        const QString existing = QStringLiteral("existing.pdf");
        QTest::newRow("unknown class") << QStringList{u("--class"), u("9Я"), u("--out"), u("x.pdf")} << 7 << u("9Я")
                                       << false;
        QTest::newRow("period with no marks, the file there before kept")
            << QStringList{u("--class"), u("7А"), u("--period"), u("q3"), u("--out"), existing} << 7
            << u("no period marks for 3 четверть") << true;
        QTest::newRow("not .pdf or .html") << QStringList{u("--class"), u("7А"), u("--out"), u("x.txt")} << 2
                                           << u("must end in .pdf, .html or .xlsx") << false;
        QTest::newRow("a folder that does not exist")
            << QStringList{u("--class"), u("7А"), u("--out"), u("missing/x.pdf")} << 7 << u("does not exist") << false;
        QTest::newRow("a folder that cannot be written")
            << QStringList{u("--class"), u("7А"), u("--out"), u("/proc/x.pdf")} << 1 << u("cannot be written") << false;
        QTest::newRow("no --out") << QStringList{u("--class"), u("7А")} << 2 << u("--out") << false;
    }
    void badInputLeavesNoFileAndNoEntry() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(bool, existingFile);
        const QString outName = args.value(args.indexOf(u("--out")) + 1);
        const QString out = outName.startsWith(u'/') ? outName : m_tmp.filePath(outName);
        if (args.contains(u("--out")))
            args[args.indexOf(u("--out")) + 1] = out;
        const QByteArray before = QByteArrayLiteral("a file the operator had before");
        if (existingFile)
            tabel::test::writeFile(out, before);
        const qsizetype registered = prints().size();
        const ProcessResult r = hub(QStringList{u("print"), u("summary")} + args);
        EXPECT_EXIT(r, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        if (existingFile)
            QCOMPARE(readAll(out), before);
        else
            QVERIFY2(!QFileInfo::exists(out), qPrintable(out));
        QCOMPARE(prints().size(), registered);
        const QStringList leftovers = QDir(m_tmp.path()).entryList({u("*.pdf.*"), u("*.html.*")}, QDir::Files);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u", "))); // no temporary file left beside
    }
};

QTEST_GUILESS_MAIN(TestHubPrint)
#include "test_hub_print.moc"
