#include "shared/csv/csv.h"

#include "tests/support/test_support.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace tabel;

namespace {

const QString kFile = QStringLiteral("roster.csv");

QByteArray bytes(const char* s) {
    return QByteArray(s);
}
QString u(const char* s) {
    return QString::fromUtf8(s);
}
QStringList list(std::initializer_list<const char*> items) {
    QStringList out;
    for (const char* s : items)
        out << QString::fromUtf8(s);
    return out;
}

} // namespace

class TestCsv : public QObject {
    Q_OBJECT

private slots:
    void parsesGoodInput_data();
    void parsesGoodInput();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void rowView_data();
    void rowView();
    void rowViewError();
    void readFile();
    void randomTablesRoundTrip();
    void randomBytesNeverBreakInvariants();
};

void TestCsv::parsesGoodInput_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QList<int>>("lines");

    const QStringList roster = list({"surname", "name", "class"});
    const QList<QStringList> rosterRows{list({"Иванов", "Иван", "7А"}), list({"Петрова", "Мария", "7Б"})};

    QTest::newRow("LF, Cyrillic") << bytes("surname,name,class\nИванов,Иван,7А\nПетрова,Мария,7Б\n") << roster << u(",")
                                  << roster << rosterRows << QList<int>{2, 3};
    QTest::newRow("CRLF") << bytes("surname,name,class\r\nИванов,Иван,7А\r\nПетрова,Мария,7Б\r\n") << roster << u(",")
                          << roster << rosterRows << QList<int>{2, 3};
    QTest::newRow("lone CR") << bytes("surname,name,class\rИванов,Иван,7А\rПетрова,Мария,7Б\r") << roster << u(",")
                             << roster << rosterRows << QList<int>{2, 3};
    QTest::newRow("UTF-8 BOM") << bytes("\xEF\xBB\xBFsurname,name,class\r\nИванов,Иван,7А\r\nПетрова,Мария,7Б")
                               << roster << u(",") << roster << rosterRows << QList<int>{2, 3};
    QTest::newRow("no final line break") << bytes("surname,name,class\nИванов,Иван,7А\nПетрова,Мария,7Б") << roster
                                         << u(",") << roster << rosterRows << QList<int>{2, 3};
    QTest::newRow("semicolon, decimal comma in data")
        << bytes("Фамилия;Имя;Балл\r\nИванов;Иван;4,5\r\n") << list({"фамилия", "БАЛЛ"}) << u(";")
        << list({"Фамилия", "Имя", "Балл"}) << QList<QStringList>{list({"Иванов", "Иван", "4,5"})} << QList<int>{2};
    QTest::newRow("comma in header wins over semicolon")
        << bytes("a,b\nx;y,z\n") << QStringList() << u(",") << list({"a", "b"})
        << QList<QStringList>{list({"x;y", "z"})} << QList<int>{2};
    QTest::newRow("separator-only lines before the header")
        << bytes(",,\n;;\nа;б\n1;2\n") << QStringList() << u(";") << list({"а", "б"})
        << QList<QStringList>{list({"1", "2"})} << QList<int>{4};
    QTest::newRow("Excel sep= line") << bytes("sep=;\r\na,b;c\r\n1,5;2\r\n") << list({"a,b"}) << u(";")
                                     << list({"a,b", "c"}) << QList<QStringList>{list({"1,5", "2"})} << QList<int>{3};
    QTest::newRow("Excel sep= line, tab")
        << bytes("SEP=\t\nФамилия\tИмя\n  Иванов \t\"Иван\"\n\tПётр\n") << QStringList() << u("\t")
        << list({"Фамилия", "Имя"}) << QList<QStringList>{list({"Иванов", "Иван"}), list({"", "Пётр"})}
        << QList<int>{3, 4};
    QTest::newRow("quoted commas") << bytes("name,address\n\"Иванов, Иван\",\"ул. Ленина, 5\"\n") << QStringList()
                                   << u(",") << list({"name", "address"})
                                   << QList<QStringList>{list({"Иванов, Иван", "ул. Ленина, 5"})} << QList<int>{2};
    QTest::newRow("escaped quotes") << bytes("school,note\n\"ООО \"\"Ромашка\"\"\",\"\"\"да\"\"\"\n") << QStringList()
                                    << u(",") << list({"school", "note"})
                                    << QList<QStringList>{list({"ООО \"Ромашка\"", "\"да\""})} << QList<int>{2};
    QTest::newRow("embedded LF") << bytes("surname,comment\nИванов,\"первая\nвторая\"\nПетров,ok\n") << QStringList()
                                 << u(",") << list({"surname", "comment"})
                                 << QList<QStringList>{list({"Иванов", "первая\nвторая"}), list({"Петров", "ok"})}
                                 << QList<int>{2, 4};
    QTest::newRow("embedded CRLF becomes LF")
        << bytes("surname,comment\r\nИванов,\"первая\r\n\r\nтретья\"\r\nПетров,ok\r\n") << QStringList() << u(",")
        << list({"surname", "comment"})
        << QList<QStringList>{list({"Иванов", "первая\n\nтретья"}), list({"Петров", "ok"})} << QList<int>{2, 5};
    QTest::newRow("trim unquoted, keep quoted spaces")
        << bytes(" a ,\tb\n  x  ,\"  y  \"\n") << QStringList() << u(",") << list({"a", "b"})
        << QList<QStringList>{list({"x", "  y  "})} << QList<int>{2};
    QTest::newRow("spaces around quoted fields")
        << bytes("a,b\n  \"x\" , \"y\"  \n") << QStringList() << u(",") << list({"a", "b"})
        << QList<QStringList>{list({"x", "y"})} << QList<int>{2};
    QTest::newRow("quoted header names are trimmed")
        << bytes("\" Surname \",\"Name\"\nИванов,Иван\n") << list({"surname", "name"}) << u(",")
        << list({"Surname", "Name"}) << QList<QStringList>{list({"Иванов", "Иван"})} << QList<int>{2};
    QTest::newRow("empty lines skipped") << bytes("\n\na,b\n\n1,2\n   \n3,4\n\n") << QStringList() << u(",")
                                         << list({"a", "b"}) << QList<QStringList>{list({"1", "2"}), list({"3", "4"})}
                                         << QList<int>{5, 7};
    QTest::newRow("separator-only lines skipped")
        << bytes("a;b;c\n1;2;3\n;;\n ; ; \n\"\";\"\";\n") << QStringList() << u(";") << list({"a", "b", "c"})
        << QList<QStringList>{list({"1", "2", "3"})} << QList<int>{2};
    QTest::newRow("empty fields") << bytes("a,b,c\n1,,3\n,,x\n4,5,\n") << QStringList() << u(",")
                                  << list({"a", "b", "c"})
                                  << QList<QStringList>{list({"1", "", "3"}), list({"", "", "x"}), list({"4", "5", ""})}
                                  << QList<int>{2, 3, 4};
    QTest::newRow("quote inside unquoted field is literal")
        << bytes("name,class\nООО \"Ромашка\",5\"А\"\n") << QStringList() << u(",") << list({"name", "class"})
        << QList<QStringList>{list({"ООО \"Ромашка\"", "5\"А\""})} << QList<int>{2};
    QTest::newRow("required columns case-insensitive")
        << bytes("  SURNAME ,Имя\nИванов,Иван\n") << list({"surname", " имя "}) << u(",") << list({"SURNAME", "Имя"})
        << QList<QStringList>{list({"Иванов", "Иван"})} << QList<int>{2};
    QTest::newRow("header only") << bytes("a,b\r\n") << list({"a"}) << u(",") << list({"a", "b"})
                                 << QList<QStringList>{} << QList<int>{};
}

void TestCsv::parsesGoodInput() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, required);
    QFETCH(QString, separator);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, lines);

    const Result<csv::Table> t = csv::parse(input, kFile, required);
    QVERIFY2(t, t ? "" : qPrintable(t.error().message));
    QCOMPARE(t->file, kFile);
    QCOMPARE(QString(t->separator), separator);
    QCOMPARE(t->header, header);
    QCOMPARE(t->rows, rows);
    QCOMPARE(t->lineOfRow, lines);
}

void TestCsv::rejectsBadInput_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<QString>("message");

    const qsizetype big = csv::kDefaultMaxBytes;
    const QStringList none;

    QTest::newRow("empty file") << QByteArray() << none << big << u("roster.csv: the file is empty");
    QTest::newRow("only BOM and blank lines")
        << bytes("\xEF\xBB\xBF\r\n  \r\n") << none << big << u("roster.csv: the file is empty");
    QTest::newRow("only separators") << bytes(";;;\n ; ;\n") << none << big << u("roster.csv: the file is empty");
    QTest::newRow("over maxBytes") << QByteArray(51, 'a') << none << qsizetype(50)
                                   << u("roster.csv: the file is too large (51 bytes; the limit is 50 bytes)");
    const QString notUtf8 =
        u(": the text is not in UTF-8 encoding; save the file as CSV in UTF-8 (in Excel: «CSV UTF-8»)");
    QTest::newRow("windows-1251") << bytes("surname,name\nIvanov,Ivan\n\xcf\xe5\xf2\xf0\xee\xe2,x\n") << none << big
                                  << u("roster.csv, line 3") + notUtf8;
    QTest::newRow("truncated sequence at the end")
        << bytes("a\r\n\xd0") << none << big << u("roster.csv, line 2") + notUtf8;
    QTest::newRow("overlong NUL") << bytes("a\n1\n\xc0\x80\n") << none << big << u("roster.csv, line 3") + notUtf8;
    QTest::newRow("surrogate") << bytes("a\n\xed\xa0\x80\n") << none << big << u("roster.csv, line 2") + notUtf8;
    QTest::newRow("above U+10FFFF") << bytes("a\n\xf4\x90\x80\x80\n") << none << big
                                    << u("roster.csv, line 2") + notUtf8;
    QTest::newRow("invalid after embedded CRLF")
        << bytes("a,b\r\n\"x\r\ny\",\xff\r\n") << none << big << u("roster.csv, line 3") + notUtf8;
    QTest::newRow("UTF-16") << bytes("\xff\xfe") + QByteArray("a\0,\0b\0", 6) << none << big
                            << u("roster.csv: the file is in UTF-16 encoding; save it as CSV in UTF-8 (in Excel: "
                                 "«CSV UTF-8»)");
    QTest::newRow("NUL byte") << QByteArray("a,b\n1,\0\n", 7) << none << big
                              << u("roster.csv, line 2: the file contains binary data; is it a spreadsheet rather "
                                   "than a CSV text file?");
    QTest::newRow("too many fields") << bytes("surname,name\nИванов,Иван\nПетров,Пётр,лишнее\n") << none << big
                                     << u("roster.csv, line 3, column 3: expected 2 fields as in the header, found 3");
    QTest::newRow("too few fields") << bytes("surname,name,class\r\nИванов,Иван\r\n") << none << big
                                    << u("roster.csv, line 2, column 3 (class): expected 3 fields as in the header, "
                                         "found 2");
    QTest::newRow("trailing separator") << bytes("a;b\n1;2;\n") << none << big
                                        << u("roster.csv, line 2, column 3: expected 2 fields as in the header, "
                                             "found 3");
    QTest::newRow("wrong count after embedded newline")
        << bytes("surname,comment\nИванов,\"a\nb\"\n\nПетров\n") << none << big
        << u("roster.csv, line 5, column 2 (comment): expected 2 fields as in the header, found 1");
    QTest::newRow("wrong count after sep= line") << bytes("sep=;\na;b\n1;2;3\n") << none << big
                                                 << u("roster.csv, line 3, column 3: expected 2 fields as in the "
                                                      "header, found 3");
    QTest::newRow("unterminated quote")
        << bytes("surname,comment\nИванов,\"нет конца\nПетров,ok\n") << none << big
        << u("roster.csv, line 2, column 2 (comment): the quoted field is not closed (a \" is missing)");
    QTest::newRow("unterminated quote in the header")
        << bytes("surname,\"name\n1,2\n") << none << big
        << u("roster.csv, line 1, column 2: the quoted field is not closed (a \" is missing)");
    QTest::newRow("text after closing quote")
        << bytes("a,b\n\n1,\"x\"y\n") << none << big
        << u("roster.csv, line 3, column 2 (b): unexpected text after the closing quote; a quote inside a quoted "
             "field is written as \"\"");
    QTest::newRow("missing required columns")
        << bytes("surname,name\nИванов,Иван\n") << list({"surname", "class", "birth_date"}) << big
        << u("roster.csv, line 1: the header lacks the required columns: class, birth_date");
    QTest::newRow("missing Cyrillic column, header after blank lines")
        << bytes("\r\n\r\nФамилия;Имя\r\n") << list({"Класс"}) << big
        << u("roster.csv, line 3: the header lacks the required columns: Класс");
    QTest::newRow("duplicate header names")
        << bytes("surname,name,Surname\n") << none << big
        << u("roster.csv, line 1, column 3 (Surname): the column name is repeated (it is also column 1)");
    QTest::newRow("duplicate Cyrillic header names")
        << bytes("Фамилия;Имя;ИМЯ \n") << none << big
        << u("roster.csv, line 1, column 3 (ИМЯ): the column name is repeated (it is also column 2)");
    QTest::newRow("empty header name") << bytes("surname,,name\n") << none << big
                                       << u("roster.csv, line 1, column 2: the column has no name in the header");
}

void TestCsv::rejectsBadInput() {
    QFETCH(QByteArray, input);
    QFETCH(QStringList, required);
    QFETCH(qsizetype, maxBytes);
    QFETCH(QString, message);

    const Result<csv::Table> t = csv::parse(input, kFile, required, maxBytes);
    QVERIFY(!t);
    QCOMPARE(t.error().code, ErrorCode::InvalidInput);
    QCOMPARE(t.error().message, message);
}

void TestCsv::rowView_data() {
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // the value (dates as yyyy-MM-dd) or the error message

    const QByteArray good = bytes("Иванов,Иван,7,2012-05-31");
    const QString at3 = u("roster.csv, line 3, column 3 (Класс): ");
    const QString at4 = u("roster.csv, line 3, column 4 (Дата рождения): ");

    QTest::newRow("text") << good << u("text") << u("ФАМИЛИЯ") << true << u("Иванов");
    QTest::newRow("text of an absent column") << good << u("text") << u("Отчество") << true << QString();
    QTest::newRow("required") << good << u("required") << u(" имя ") << true << u("Иван");
    QTest::newRow("required, empty") << bytes(" ,Иван,7,2012-05-31") << u("required") << u("Фамилия") << false
                                     << u("roster.csv, line 3, column 1 (Фамилия): the field is empty");
    QTest::newRow("required, quoted blanks")
        << bytes("\"  \",Иван,7,2012-05-31") << u("required") << u("Фамилия") << false
        << u("roster.csv, line 3, column 1 (Фамилия): the field is empty");
    QTest::newRow("required, absent column") << good << u("required") << u("Отчество") << false
                                             << u("roster.csv, line 3 (Отчество): the file has no such column");
    QTest::newRow("integer") << good << u("integer") << u("класс") << true << u("7");
    QTest::newRow("integer, bounds") << bytes("Иванов,Иван,11,2012-05-31") << u("integer") << u("Класс") << true
                                     << u("11");
    QTest::newRow("integer, quoted with spaces")
        << bytes("Иванов,Иван,\" 1 \",2012-05-31") << u("integer") << u("Класс") << true << u("1");
    QTest::newRow("integer, letters") << bytes("Иванов,Иван,7А,2012-05-31") << u("integer") << u("Класс") << false
                                      << at3 + u("«7А» is not a whole number");
    QTest::newRow("integer, fraction") << bytes("Иванов,Иван,7.5,2012-05-31") << u("integer") << u("Класс") << false
                                       << at3 + u("«7.5» is not a whole number");
    QTest::newRow("integer, overflow") << bytes("Иванов,Иван,99999999999999999999,2012-05-31") << u("integer")
                                       << u("Класс") << false
                                       << at3 + u("«99999999999999999999» is not a whole number");
    QTest::newRow("integer, above max") << bytes("Иванов,Иван,12,2012-05-31") << u("integer") << u("Класс") << false
                                        << at3 + u("12 is not between 1 and 11");
    QTest::newRow("integer, below min") << bytes("Иванов,Иван,-1,2012-05-31") << u("integer") << u("Класс") << false
                                        << at3 + u("-1 is not between 1 and 11");
    QTest::newRow("integer, int overflow is out of range")
        << bytes("Иванов,Иван,4294967297,2012-05-31") << u("integer") << u("Класс") << false
        << at3 + u("4294967297 is not between 1 and 11");
    QTest::newRow("integer, empty") << bytes("Иванов,Иван,,2012-05-31") << u("integer") << u("Класс") << false
                                    << at3 + u("the field is empty");
    QTest::newRow("date ISO") << good << u("date") << u("дата рождения") << true << u("2012-05-31");
    QTest::newRow("date dd.MM.yyyy") << bytes("Иванов,Иван,7,31.05.2012") << u("date") << u("Дата рождения") << true
                                     << u("2012-05-31");
    QTest::newRow("date d.M.yyyy") << bytes("Иванов,Иван,7,1.9.2013") << u("date") << u("Дата рождения") << true
                                   << u("2013-09-01");
    QTest::newRow("date, quoted with spaces")
        << bytes("Иванов,Иван,7,\" 2013-09-01 \"") << u("date") << u("Дата рождения") << true << u("2013-09-01");
    QTest::newRow("date, 31 February") << bytes("Иванов,Иван,7,31.02.2012") << u("date") << u("Дата рождения") << false
                                       << at4 + u("«31.02.2012» is not a valid date");
    QTest::newRow("date, month 13") << bytes("Иванов,Иван,7,2012-13-01") << u("date") << u("Дата рождения") << false
                                    << at4 + u("«2012-13-01» is not a valid date");
    QTest::newRow("date, slashes") << bytes("Иванов,Иван,7,2012/05/31") << u("date") << u("Дата рождения") << false
                                   << at4 + u("«2012/05/31» is not a date; write it as 2026-09-01 or 01.09.2026");
    QTest::newRow("date, two-digit year") << bytes("Иванов,Иван,7,31.05.12") << u("date") << u("Дата рождения") << false
                                          << at4 + u("«31.05.12» is not a date; write it as 2026-09-01 or 01.09.2026");
    QTest::newRow("date, empty") << bytes("Иванов,Иван,7,") << u("date") << u("Дата рождения") << false
                                 << at4 + u("the field is empty");
}

void TestCsv::rowView() {
    QFETCH(QByteArray, row);
    QFETCH(QString, method);
    QFETCH(QString, column);
    QFETCH(bool, ok);
    QFETCH(QString, expected);

    const QByteArray input = bytes("Фамилия,Имя,Класс,Дата рождения\n\n") + row + bytes("\n");
    const Result<csv::Table> t = csv::parse(input, kFile, {});
    QVERIFY2(t, t ? "" : qPrintable(t.error().message));
    QCOMPARE(t->rows.size(), 1);
    const csv::RowView r(*t, 0);
    QCOMPARE(r.line(), 3);

    QString value;
    std::optional<Error> error;
    if (method == QLatin1String("text")) {
        value = r.text(column);
    } else if (method == QLatin1String("required")) {
        const Result<QString> v = r.required(column);
        v ? void(value = *v) : void(error = v.error());
    } else if (method == QLatin1String("integer")) {
        const Result<int> v = r.integer(column, 1, 11);
        v ? void(value = QString::number(*v)) : void(error = v.error());
    } else if (method == QLatin1String("date")) {
        const Result<QDate> v = r.date(column);
        v ? void(value = v->toString(Qt::ISODate)) : void(error = v.error());
    } else {
        QFAIL("unknown method");
    }
    if (ok) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(value, expected);
    } else {
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::InvalidInput);
        QCOMPARE(error->message, expected);
    }
}

void TestCsv::rowViewError() {
    const Result<csv::Table> t =
        csv::parse(bytes("surname;comment\nИванов;\"две\nстроки\"\nПетров;x\n"), kFile, {u("surname")});
    QVERIFY(t);
    QCOMPARE(t->rows.size(), 2);
    const csv::RowView second(*t, 1);
    QCOMPARE(second.index(), 1);
    QCOMPARE(second.line(), 4);
    QVERIFY(second.hasColumn(u("Comment")));
    QVERIFY(!second.hasColumn(u("class")));
    const Error e = second.error(u("SURNAME"), u("the pupil is already listed on line 2"));
    QCOMPARE(e.code, ErrorCode::InvalidInput);
    QCOMPARE(e.message, u("roster.csv, line 4, column 1 (surname): the pupil is already listed on line 2"));
    QCOMPARE(second.error(QString(), u("a row problem")).message, u("roster.csv, line 4: a row problem"));
    QCOMPARE(csv::RowView(*t, 0).text(u("comment")), u("две\nстроки"));
}

void TestCsv::readFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = test::writeFile(dir.filePath(u("расписание.csv")),
                                         bytes("\xEF\xBB\xBFДень;Урок;Предмет\r\n1;1;Математика\r\n1;2;\"Русский "
                                               "язык\"\r\n"));
    const Result<csv::Table> t = csv::readFile(path, {u("день"), u("урок")});
    QVERIFY2(t, t ? "" : qPrintable(t.error().message));
    QCOMPARE(t->file, u("расписание.csv"));
    QCOMPARE(t->header, list({"День", "Урок", "Предмет"}));
    QCOMPARE(t->rows.size(), 2);
    QCOMPARE(t->rows[1][2], u("Русский язык"));

    const Result<csv::Table> missing = csv::readFile(dir.filePath(u("нет.csv")), {});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(u("нет.csv")));

    const Result<csv::Table> directory = csv::readFile(dir.path(), {});
    QVERIFY(!directory);
    QCOMPARE(directory.error().code, ErrorCode::Io);

    const Result<csv::Table> tooBig = csv::readFile(path, {}, 10);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().code, ErrorCode::InvalidInput);
    QCOMPARE(tooBig.error().message,
             u("расписание.csv: the file is too large (%1 bytes; the limit is 10 bytes)").arg(QFileInfo(path).size()));

    const Result<csv::Table> noColumn = csv::readFile(path, {u("Класс")});
    QVERIFY(!noColumn);
    QCOMPARE(noColumn.error().message, u("расписание.csv, line 1: the header lacks the required columns: Класс"));
}

// Random tables written the RFC 4180 way (quotes only where needed, CRLF or LF) read back unchanged.
void TestCsv::randomTablesRoundTrip() {
    const QStringList pieces = list({"Иванов", "а", "Ё", "7А", " ", ",", ";", "\"", "\n", "x", "2026-09-01", "ё ж"});
    QRandomGenerator rng(4180);
    for (int round = 0; round < 300; ++round) {
        const QByteArray eol = rng.bounded(2) ? QByteArray("\r\n") : QByteArray("\n");
        const char sep = rng.bounded(2) ? ',' : ';';
        const qsizetype columns = 1 + rng.bounded(5);
        QStringList header;
        for (qsizetype c = 0; c < columns; ++c)
            header << QStringLiteral("col%1").arg(c);
        QList<QStringList> rows;
        for (int r = rng.bounded(6); r > 0; --r) {
            QStringList row;
            for (qsizetype c = 0; c < columns; ++c) {
                QString v;
                for (int k = rng.bounded(4); k > 0; --k)
                    v += pieces[rng.bounded(pieces.size())];
                row << v;
            }
            if (row.join(QString()).trimmed().isEmpty())
                row[0] = u("x"); // an all-blank row would be skipped as an empty line
            rows << row;
        }
        QByteArray out = bytes("sep=") + sep + eol;
        QList<int> lines;
        int line = 2;
        auto writeRow = [&](const QStringList& row) {
            for (qsizetype c = 0; c < row.size(); ++c) {
                QString v = row[c];
                if (c)
                    out += sep;
                if (v != v.trimmed() || v.contains(u'"') || v.contains(u'\n') || v.contains(u',') || v.contains(u';')) {
                    v.replace(u("\""), u("\"\""));
                    v.replace(u("\n"), QString::fromLatin1(eol));
                    v = u("\"") + v + u("\"");
                }
                out += v.toUtf8();
                line += int(row[c].count(u'\n'));
            }
            out += eol;
            ++line;
        };
        writeRow(header);
        for (const QStringList& row : std::as_const(rows)) {
            lines << line;
            writeRow(row);
        }
        const Result<csv::Table> t = csv::parse(out, kFile, header);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message + u("\n") + QString::fromUtf8(out)));
        QCOMPARE(t->header, header);
        QCOMPARE(t->rows, rows);
        QCOMPARE(t->lineOfRow, lines);
    }
}

// Any text: no crash, and on success every row has the header's width and rows start on increasing lines; on
// failure the message names the file.
void TestCsv::randomBytesNeverBreakInvariants() {
    const QList<QByteArray> alphabet{",", ";", "\"", "\r", "\n", " ", "a", "Я", "\xEF\xBB\xBF", "\xd0"};
    QRandomGenerator rng(20260901);
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray in;
        for (int k = rng.bounded(40); k > 0; --k)
            in += alphabet[rng.bounded(alphabet.size())];
        const Result<csv::Table> t = csv::parse(in, kFile, {});
        if (!t) {
            QCOMPARE(t.error().code, ErrorCode::InvalidInput);
            QVERIFY(t.error().message.startsWith(kFile));
            continue;
        }
        ++parsed;
        QCOMPARE(t->rows.size(), t->lineOfRow.size());
        for (qsizetype i = 0; i < t->rows.size(); ++i) {
            QCOMPARE(t->rows[i].size(), t->header.size());
            if (i)
                QVERIFY(t->lineOfRow[i] > t->lineOfRow[i - 1]);
        }
    }
    QVERIFY(parsed > 100);
}

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
