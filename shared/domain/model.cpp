// The journal's entities as entity keys and fields (see model.h).
//
// Field names per entity. Natural-key parts live in the key only and are never fields. Every entity emits
// its whole field set, always the same names: an absent optional value is null, never a missing name, so that
// the hub reconciles the same fields for every version of an entity. Numbers and flags are ints (flags 0/1);
// dates are text "yyyy-MM-dd"; times are text in ISO 8601 UTC with milliseconds ("2026-09-01T08:30:00.000Z");
// enums are their toString() text ("current", "Б", "selfstudy", …). "opt" marks a field that may be null.
//
//   year/<id>                                   start, end
//   period/<yearId>/<id>                        title (opt), kind, start, end, grades (opt)
//   holiday/<yearId>/<id>                       title (opt), start, end
//   class/<id>                                  grade
//   pupil/<id>                                  class, surname, name, patronymic (opt), book_no (opt)
//   subject/<id>                                name
//   member/<class>/<subject>/<group>/<pupil>    in (always 1)
//   teacher/<id>                                name
//   assign/<teacher>/<class>/<subject>/<group>  in (always 1)
//   slot/<class>/<weekday>/<slot>/<group>       subject, teacher
//   lesson/<LessonKey>                          topic (opt), homework (opt), due (opt), form (opt), distance (0/1),
//                                               ktp (opt), teacher (opt)
//   mark/<LessonKey>/<pupil>/<column>           value, kind (opt: current), weight (opt: 1), work (opt: classwork),
//                                               task (opt); the author is the change set's
//   att/<LessonKey>/<pupil>                     reason, cert_no (opt), cert_date (opt)
//   task/<class>/<subject>/<group>/<id>         lesson (opt, a LessonKey), kind, title, text (opt), issued, due,
//                                               form (opt), ktp (opt)
//   sub/<class>/<subject>/<group>/<task>/<pupil>/<hash12>
//                                               hash (full hex SHA-256), file, size, received, grade (opt),
//                                               graded_at (opt)
//   pmark/<class>/<subject>/<period>/<pupil>    value, override (opt), author (opt), device_time (opt)
//   corr/<class>/<subject>/<period>/<pupil>/<n> old, new, explanation, approver, author (opt), date
//   subst/<date>/<slot>/<class>/<group>         subject, absent, substitute, reason (opt)
//   ktp/<class>/<subject>/<number>              title, hours
//   ktpfix/<class>/<subject>/<number>           date, topics (opt, "3,4,5"), planned, actual, reason (opt), method
//
// Text fields that are not "opt" are always text (possibly empty); fromFields() rejects a stored entity whose
// key is malformed, or whose field is missing, of the wrong type or unparsable, with ErrorCode::Corrupt naming
// the key. Unknown extra fields are ignored (a newer version may add fields).
#include "shared/domain/model.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <tuple>

namespace tabel::domain {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::domain", s);
}

constexpr int kMaxIdLength = 64;
const QString kTaskPrefix = QStringLiteral("task/");

QString quoted(const QString& s) {
    return QStringLiteral("«") + s + QStringLiteral("»");
}

// ---- Enum names ----------------------------------------------------------------------------------------------

constexpr MarkValue kMarkValues[] = {MarkValue::Five, MarkValue::Four,   MarkValue::Three,
                                     MarkValue::Two,  MarkValue::One,    MarkValue::Pass,
                                     MarkValue::Fail, MarkValue::Exempt, MarkValue::NotAttested};
constexpr MarkKind kMarkKinds[] = {MarkKind::Current, MarkKind::Control, MarkKind::Period, MarkKind::Annual,
                                   MarkKind::Exam};
constexpr AbsenceReason kAbsenceReasons[] = {AbsenceReason::Illness, AbsenceReason::Valid, AbsenceReason::Unexcused};
constexpr WorkKind kWorkKinds[] = {WorkKind::Classwork, WorkKind::Homework,  WorkKind::Distance, WorkKind::SelfStudy,
                                   WorkKind::Control,   WorkKind::Practical, WorkKind::Lab};
constexpr AverageRule kAverageRules[] = {AverageRule::Weighted, AverageRule::Simple};
constexpr PeriodKind kPeriodKinds[] = {PeriodKind::Quarter, PeriodKind::Half, PeriodKind::Year};
constexpr KtpMethod kKtpMethods[] = {KtpMethod::MergeTopics, KtpMethod::NextYear, KtpMethod::Modular,
                                     KtpMethod::SelfStudy};

template <class E, std::size_t N> std::optional<E> lookup(const E (&values)[N], const QString& text) {
    for (E v : values)
        if (toString(v) == text)
            return v;
    return std::nullopt;
}

template <class E, std::size_t N> QString namesOf(const E (&values)[N]) {
    QStringList names;
    for (E v : values)
        names << quoted(toString(v));
    return names.join(QStringLiteral(", "));
}

template <class E, std::size_t N>
Result<E> parseEnum(const E (&values)[N], const QString& text, const QString& normalized, const char* what) {
    if (auto v = lookup(values, normalized))
        return *v;
    return makeError(ErrorCode::InvalidArgument,
                     tr("%1 is not a valid %2; use one of: %3").arg(quoted(text), tr(what), namesOf(values)));
}

// ---- Key segments ----------------------------------------------------------------------------------------------

// yyyy-MM-dd, written by hand for years 1–9999 (every key of the journal holds one; QDate::toString went through
// the locale machinery each time); anything else as Qt writes it.
QString isoDate(QDate d) {
    const int y = d.year();
    if (!d.isValid() || y < 1 || y > 9999)
        return d.toString(Qt::ISODate);
    const int m = d.month(), day = d.day();
    const char16_t text[10] = {char16_t(u'0' + y / 1000),
                               char16_t(u'0' + y / 100 % 10),
                               char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),
                               u'-',
                               char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),
                               u'-',
                               char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    return QString(reinterpret_cast<const QChar*>(text), 10);
}

// Exactly yyyy-MM-dd (ASCII digits, a real date), so that one day has one key. Parsed by hand: it runs for every
// op's key on the hub and the node, and QDate::fromString plus a round trip allocated twice per call.
std::optional<QDate> parseIsoDate(const QString& s) {
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return std::nullopt;
    int digits[8];
    int k = 0;
    for (int i = 0; i < 10; ++i) {
        if (i == 4 || i == 7)
            continue;
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        digits[k++] = c - u'0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const QDate d(year, digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
    if (year < 1 || !d.isValid())
        return std::nullopt;
    return d;
}

// A positive number in its canonical form ("2", never "02" or "+2"), so that one cell has one key.
std::optional<int> parseKeyNumber(const QString& s) {
    if (s.isEmpty() || s.size() > 9 || s[0] == u'0')
        return std::nullopt;
    int n = 0;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

QString joinKey(const QStringList& parts) {
    return parts.join(QLatin1Char('/'));
}

// The five segments of a lesson key, exactly as stored (no trimming): errors are InvalidArgument naming `text`
// (null: the segments joined, built only for an error).
// parts: `count` segments from `first` (no copy of the list: this runs for every mark and absence a sync reads).
Result<LessonKey> lessonKeyFromParts(const QStringList& all, qsizetype first, qsizetype count, const QString& text) {
    first = std::clamp<qsizetype>(first, 0, all.size());
    count = std::clamp<qsizetype>(count, 0, all.size() - first);
    const QString* parts = all.constData() + first;
    const auto shown = [&] { return quoted(text.isNull() ? joinKey(all.mid(first, count)) : text); };
    const auto context = [&] { return tr("lesson %1").arg(shown()); };
    if (count != 5)
        return makeError(ErrorCode::InvalidArgument,
                         tr("%1 is not a lesson; write it as class/subject/group/date/lesson number, "
                            "e.g. 7А/math/all/2026-09-01/2")
                             .arg(shown()));
    LessonKey k;
    if (auto s = validateId(parts[0], QT_TRANSLATE_NOOP("tabel::domain", "class id")); !s)
        return s.error().withContext(context());
    if (auto s = validateId(parts[1], QT_TRANSLATE_NOOP("tabel::domain", "subject id")); !s)
        return s.error().withContext(context());
    if (auto s = validateId(parts[2], QT_TRANSLATE_NOOP("tabel::domain", "group id")); !s)
        return s.error().withContext(context());
    const auto date = parseIsoDate(parts[3]);
    if (!date)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("%1: %2 is not a date; write it as yyyy-MM-dd, e.g. 2026-09-01").arg(context(), quoted(parts[3])));
    const auto slot = parseKeyNumber(parts[4]);
    if (!slot)
        return makeError(
            ErrorCode::InvalidArgument,
            tr("%1: %2 is not a lesson number; write a whole number from 1, e.g. 2").arg(context(), quoted(parts[4])));
    k.classId = parts[0];
    k.subjectId = parts[1];
    k.groupId = parts[2];
    k.date = *date;
    k.slot = *slot;
    return k;
}

Result<LessonKey> lessonKeyFromParts(const QStringList& parts, const QString& text) {
    return lessonKeyFromParts(parts, 0, parts.size(), text);
}

// ---- Field values ------------------------------------------------------------------------------------------------

FieldValue textValue(const QString& s) {
    return s;
}
FieldValue optTextValue(const QString& s) {
    return s.isEmpty() ? FieldValue{} : FieldValue{s};
}
FieldValue intValue(std::int64_t n) {
    return n;
}
FieldValue optIntValue(const std::optional<int>& n) {
    return n ? FieldValue{std::int64_t{*n}} : FieldValue{};
}
FieldValue dateValue(QDate d) {
    return d.isValid() ? FieldValue{isoDate(d)} : FieldValue{};
}
FieldValue optDateValue(const std::optional<QDate>& d) {
    return d ? dateValue(*d) : FieldValue{};
}
FieldValue dateTimeValue(const QDateTime& t) {
    return t.isValid() ? FieldValue{t.toUTC().toString(Qt::ISODateWithMs)} : FieldValue{};
}

// Reads a stored entity: its key segments and its fields. The first problem is kept, later reads return
// defaults, and status() turns the problem into one Corrupt error that names the key.
class Reader {
public:
    Reader(const QString& key, const Fields& fields) : m_key(key), m_fields(fields) {}

    // The key's segments after the type, or an empty list (and an error) when the type or the count is wrong.
    QStringList segments(QLatin1String type, int count) {
        const QStringList parts = m_key.split(QLatin1Char('/'));
        if (parts.first() != type) {
            fail(tr("it is not a %1 key").arg(quoted(type)));
            return {};
        }
        if (parts.size() != count + 1) {
            fail(tr("the key has %1 parts, expected %2").arg(parts.size()).arg(count + 1));
            return {};
        }
        QStringList rest = parts;
        rest.removeFirst(); // moves the list's start: no copy
        return rest;
    }

    // `what`: untranslated (QT_TRANSLATE_NOOP("tabel::domain", …)), translated only for an error.
    QString id(const QStringList& seg, int i, const char* what) {
        if (failed())
            return {};
        if (auto s = validateId(seg[i], what); !s) {
            fail(s.error().message);
            return {};
        }
        return seg[i];
    }

    int number(const QStringList& seg, int i, const char* what) {
        if (failed())
            return 0;
        const auto n = parseKeyNumber(seg[i]);
        if (!n) {
            fail(tr("%1 %2 is not a positive whole number").arg(tr(what), quoted(seg[i])));
            return 0;
        }
        return *n;
    }

    QDate keyDate(const QStringList& seg, int i) {
        if (failed())
            return {};
        const auto d = parseIsoDate(seg[i]);
        if (!d) {
            fail(tr("%1 is not a date in the form yyyy-MM-dd").arg(quoted(seg[i])));
            return {};
        }
        return *d;
    }

    LessonKey lessonKey(const QStringList& seg, int first) {
        if (failed())
            return {};
        auto k = lessonKeyFromParts(seg, first, 5, QString());
        if (!k) {
            fail(k.error().message);
            return {};
        }
        return *k;
    }

    // Required text: present as text, possibly empty.
    QString text(const char* name) {
        const FieldValue* v = find(name);
        if (!v)
            return {};
        if (!std::holds_alternative<QString>(*v)) {
            wrongType(name, tr("text"));
            return {};
        }
        return std::get<QString>(*v);
    }

    QString optText(const char* name) {
        const FieldValue* v = findOptional(name);
        if (!v)
            return {};
        if (!std::holds_alternative<QString>(*v)) {
            wrongType(name, tr("text"));
            return {};
        }
        return std::get<QString>(*v);
    }

    QString idField(const char* name, const char* what) { return checkedId(name, text(name), what); }
    QString optIdField(const char* name, const char* what) {
        const QString s = optText(name);
        return s.isEmpty() ? s : checkedId(name, s, what);
    }

    std::int64_t integer(const char* name) {
        const FieldValue* v = find(name);
        if (!v)
            return 0;
        if (!std::holds_alternative<std::int64_t>(*v)) {
            wrongType(name, tr("a number"));
            return 0;
        }
        return std::get<std::int64_t>(*v);
    }

    int smallInt(const char* name) { return fitInt(name, integer(name)); }

    std::optional<int> optInt(const char* name) {
        const FieldValue* v = findOptional(name);
        if (!v)
            return std::nullopt;
        if (!std::holds_alternative<std::int64_t>(*v)) {
            wrongType(name, tr("a number"));
            return std::nullopt;
        }
        return fitInt(name, std::get<std::int64_t>(*v));
    }

    bool flag(const char* name) {
        const std::int64_t n = integer(name);
        if (n != 0 && n != 1)
            fail(tr("field %1 is %2, expected 0 or 1").arg(quoted(QLatin1String(name))).arg(n));
        return n == 1;
    }

    // The marker field of an entity that has nothing but its key ("in": 1).
    void marker(const char* name) {
        if (integer(name) != 1 && !failed())
            fail(tr("field %1 should be 1").arg(quoted(QLatin1String(name))));
    }

    QDate date(const char* name) {
        const FieldValue* v = find(name);
        return v ? parseDateField(name, *v) : QDate();
    }

    std::optional<QDate> optDate(const char* name) {
        const FieldValue* v = findOptional(name);
        if (!v)
            return std::nullopt;
        return parseDateField(name, *v);
    }

    QDateTime dateTime(const char* name) {
        const FieldValue* v = find(name);
        return v ? parseDateTimeField(name, *v) : QDateTime();
    }

    QDateTime optDateTime(const char* name) {
        const FieldValue* v = findOptional(name);
        return v ? parseDateTimeField(name, *v) : QDateTime();
    }

    template <class E> E enumField(const char* name, Result<E> (*parse)(const QString&)) {
        const QString s = text(name);
        if (failed())
            return E{};
        return parsed(name, parse(s));
    }

    template <class E> std::optional<E> optEnum(const char* name, Result<E> (*parse)(const QString&)) {
        const QString s = optText(name);
        if (failed() || s.isEmpty())
            return std::nullopt;
        return parsed(name, parse(s));
    }

    void fail(const QString& detail) {
        if (!m_error)
            m_error = detail;
    }
    bool failed() const { return m_error.has_value(); }

    Status status() const {
        if (!m_error)
            return {};
        Error e = makeError(ErrorCode::Corrupt, tr("stored entity %1 is damaged: %2").arg(quoted(m_key), *m_error));
        e.detail = *m_error; // a change set's entry is not stored: the hub and a pulling node name it themselves
        return e;
    }

private:
    const FieldValue* lookupField(const char* name) const {
        // An entity has a handful of fields: a scan compares in place, where find() would build a QString first.
        const QLatin1String wanted(name);
        for (const auto& [field, value] : m_fields)
            if (field == wanted)
                return isNull(value) ? nullptr : &value;
        return nullptr;
    }
    const FieldValue* find(const char* name) {
        if (failed())
            return nullptr;
        const FieldValue* v = lookupField(name);
        if (!v)
            fail(tr("field %1 is missing").arg(quoted(QLatin1String(name))));
        return v;
    }
    const FieldValue* findOptional(const char* name) const { return failed() ? nullptr : lookupField(name); }

    void wrongType(const char* name, const QString& expected) {
        fail(tr("field %1 should be %2").arg(quoted(QLatin1String(name)), expected));
    }

    int fitInt(const char* name, std::int64_t n) {
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
            fail(tr("field %1 is out of range: %2").arg(quoted(QLatin1String(name))).arg(n));
            return 0;
        }
        return static_cast<int>(n);
    }

    QString checkedId(const char* name, const QString& s, const char* what) {
        if (failed())
            return {};
        if (auto st = validateId(s, what); !st) {
            fail(tr("field %1: %2").arg(quoted(QLatin1String(name)), st.error().message));
            return {};
        }
        return s;
    }

    QDate parseDateField(const char* name, const FieldValue& v) {
        const auto d = std::holds_alternative<QString>(v) ? parseIsoDate(std::get<QString>(v)) : std::nullopt;
        if (!d) {
            fail(tr("field %1 is %2, not a date in the form yyyy-MM-dd")
                     .arg(quoted(QLatin1String(name)), debugString(v)));
            return {};
        }
        return *d;
    }

    QDateTime parseDateTimeField(const char* name, const FieldValue& v) {
        const QDateTime t = std::holds_alternative<QString>(v)
                                ? QDateTime::fromString(std::get<QString>(v), Qt::ISODateWithMs)
                                : QDateTime();
        if (!t.isValid()) {
            fail(tr("field %1 is %2, not an ISO 8601 time").arg(quoted(QLatin1String(name)), debugString(v)));
            return {};
        }
        return t;
    }

    template <class E> E parsed(const char* name, Result<E> r) {
        if (!r) {
            fail(tr("field %1: %2").arg(quoted(QLatin1String(name)), r.error().message));
            return E{};
        }
        return *r;
    }

    QString m_key;
    const Fields& m_fields;
    std::optional<QString> m_error;
};

} // namespace

// ---- Values ----------------------------------------------------------------------------------------------------

QString toString(MarkValue v) {
    switch (v) {
    case MarkValue::Five:
        return QStringLiteral("5");
    case MarkValue::Four:
        return QStringLiteral("4");
    case MarkValue::Three:
        return QStringLiteral("3");
    case MarkValue::Two:
        return QStringLiteral("2");
    case MarkValue::One:
        return QStringLiteral("1");
    case MarkValue::Pass:
        return QStringLiteral("зач");
    case MarkValue::Fail:
        return QStringLiteral("незач");
    case MarkValue::Exempt:
        return QStringLiteral("осв");
    case MarkValue::NotAttested:
        return QStringLiteral("н/а");
    }
    return {};
}

Result<MarkValue> parseMarkValue(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (auto v = lookup(kMarkValues, t))
        return *v;
    if (t == QStringLiteral("на"))
        return MarkValue::NotAttested;
    return ruleError(
        QStringLiteral("R-J2"),
        tr("%1 is not a mark of the scale; use 5, 4, 3, 2, 1, «зач», «незач», «осв» or «н/а»").arg(quoted(text)));
}

bool isNumeric(MarkValue v) {
    return numericValue(v) != 0;
}

int numericValue(MarkValue v) {
    switch (v) {
    case MarkValue::Five:
        return 5;
    case MarkValue::Four:
        return 4;
    case MarkValue::Three:
        return 3;
    case MarkValue::Two:
        return 2;
    case MarkValue::One:
        return 1;
    case MarkValue::Pass:
    case MarkValue::Fail:
    case MarkValue::Exempt:
    case MarkValue::NotAttested:
        return 0;
    }
    return 0;
}

QString toString(MarkKind k) {
    switch (k) {
    case MarkKind::Current:
        return QStringLiteral("current");
    case MarkKind::Control:
        return QStringLiteral("control");
    case MarkKind::Period:
        return QStringLiteral("period");
    case MarkKind::Annual:
        return QStringLiteral("annual");
    case MarkKind::Exam:
        return QStringLiteral("exam");
    }
    return {};
}

QString toString(const QList<MarkColumn>& columns) {
    QStringList parts;
    for (const MarkColumn& c : columns)
        parts << toString(c.kind) + QLatin1Char(':') + QString::number(c.weight);
    // Trailing plain columns say nothing: "current:1" alone is stored as no text at all.
    while (!parts.isEmpty() && parts.back() == QLatin1String("current:1"))
        parts.removeLast();
    return parts.join(QLatin1Char(';'));
}

Result<QList<MarkColumn>> parseMarkColumns(const QString& text) {
    QList<MarkColumn> out;
    if (text.trimmed().isEmpty())
        return out;
    const QStringList parts = text.split(QLatin1Char(';'));
    if (parts.size() > kMaxMarkColumns)
        return makeError(ErrorCode::InvalidArgument,
                         tr("a lesson has at most %1 mark columns, not %2").arg(kMaxMarkColumns).arg(parts.size()));
    for (const QString& part : parts) {
        const QStringList kw = part.split(QLatin1Char(':'));
        bool ok = false;
        const int weight = kw.value(1).toInt(&ok);
        if (kw.size() != 2 || !ok)
            return makeError(ErrorCode::InvalidArgument,
                             tr("mark column «%1» is not in the form kind:weight, e.g. control:2").arg(part));
        TABEL_ASSIGN_OR_RETURN(const MarkKind kind, parseMarkKind(kw[0]));
        if (kind != MarkKind::Current && kind != MarkKind::Control)
            return makeError(ErrorCode::InvalidArgument,
                             tr("a lesson's mark column is a current mark or a control work, not «%1»").arg(kw[0]));
        if (weight < 1 || weight > 10)
            return makeError(ErrorCode::InvalidArgument,
                             tr("the weight of a mark is from 1 to 10, not %1 (R-J2)").arg(weight));
        out.append(MarkColumn{kind, weight});
    }
    return out;
}

QString toString(AverageRule r) {
    return r == AverageRule::Simple ? QStringLiteral("simple") : QStringLiteral("weighted");
}

Result<AverageRule> parseAverageRule(const QString& text) {
    return parseEnum(kAverageRules, text, text.trimmed().toLower(), QT_TRANSLATE_NOOP("tabel::domain", "average rule"));
}

Result<MarkKind> parseMarkKind(const QString& text) {
    return parseEnum(kMarkKinds, text, text.trimmed().toLower(), QT_TRANSLATE_NOOP("tabel::domain", "kind of mark"));
}

QString toString(AbsenceReason r) {
    switch (r) {
    case AbsenceReason::Illness:
        return QStringLiteral("Б");
    case AbsenceReason::Valid:
        return QStringLiteral("УП");
    case AbsenceReason::Unexcused:
        return QStringLiteral("НП");
    }
    return {};
}

Result<AbsenceReason> parseAbsenceReason(const QString& text) {
    return parseEnum(kAbsenceReasons, text, text.trimmed().toUpper(),
                     QT_TRANSLATE_NOOP("tabel::domain", "reason of absence"));
}

QString toString(WorkKind k) {
    switch (k) {
    case WorkKind::Classwork:
        return QStringLiteral("classwork");
    case WorkKind::Homework:
        return QStringLiteral("homework");
    case WorkKind::Distance:
        return QStringLiteral("distance");
    case WorkKind::SelfStudy:
        return QStringLiteral("selfstudy");
    case WorkKind::Control:
        return QStringLiteral("control");
    case WorkKind::Practical:
        return QStringLiteral("practical");
    case WorkKind::Lab:
        return QStringLiteral("lab");
    }
    return {};
}

Result<WorkKind> parseWorkKind(const QString& text) {
    return parseEnum(kWorkKinds, text, text.trimmed().toLower(), QT_TRANSLATE_NOOP("tabel::domain", "kind of work"));
}

QString toString(PeriodKind k) {
    switch (k) {
    case PeriodKind::Quarter:
        return QStringLiteral("quarter");
    case PeriodKind::Half:
        return QStringLiteral("half");
    case PeriodKind::Year:
        return QStringLiteral("year");
    }
    return {};
}

Result<PeriodKind> parsePeriodKind(const QString& text) {
    return parseEnum(kPeriodKinds, text, text.trimmed().toLower(),
                     QT_TRANSLATE_NOOP("tabel::domain", "kind of period"));
}

QString toString(KtpMethod m) {
    switch (m) {
    case KtpMethod::MergeTopics:
        return QStringLiteral("merge");
    case KtpMethod::NextYear:
        return QStringLiteral("next-year");
    case KtpMethod::Modular:
        return QStringLiteral("modular");
    case KtpMethod::SelfStudy:
        return QStringLiteral("self-study");
    }
    return {};
}

Result<KtpMethod> parseKtpMethod(const QString& text) {
    return parseEnum(kKtpMethods, text, text.trimmed().toLower(),
                     QT_TRANSLATE_NOOP("tabel::domain", "КТП correction method"));
}

// These are stored values compared with what the school configures, not messages: they stay Russian in every
// user language and are not translated.
QStringList defaultAssessmentForms() {
    return {QStringLiteral("устный ответ"),
            QStringLiteral("письменная работа"),
            QStringLiteral("тест"),
            QStringLiteral("самостоятельная работа"),
            QStringLiteral("контрольная работа"),
            QStringLiteral("практическая работа"),
            QStringLiteral("лабораторная работа"),
            QStringLiteral("проект"),
            QStringLiteral("творческая работа"),
            QStringLiteral("зачёт")};
}

Status validateId(const QString& id, const char* what) {
    // The checks of the full version, without building anything for a valid id.
    if (!id.isEmpty() && id.size() <= kMaxIdLength && !id.contains(QLatin1Char('/')) && !id.front().isSpace() &&
        !id.back().isSpace() &&
        std::none_of(id.begin(), id.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return {};
    return validateId(id, tr(what));
}

Status validateId(const QString& id, const QString& what) {
    if (id.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("%1 is empty").arg(what));
    for (const QChar c : id)
        if (c.category() == QChar::Other_Control)
            return makeError(ErrorCode::InvalidArgument,
                             tr("%1 contains a control character (U+%2); use printable characters only")
                                 .arg(what)
                                 .arg(static_cast<uint>(c.unicode()), 4, 16, QLatin1Char('0')));
    if (id.size() > kMaxIdLength)
        return makeError(ErrorCode::InvalidArgument, tr("%1 %2 is longer than %3 characters")
                                                         .arg(what, quoted(id.left(kMaxIdLength) + QChar(u'\u2026')))
                                                         .arg(kMaxIdLength));
    if (id.contains(QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
                         tr("%1 %2 contains «/», which separates the parts of a key; choose an id without it")
                             .arg(what, quoted(id)));
    if (id.front().isSpace() || id.back().isSpace())
        return makeError(ErrorCode::InvalidArgument,
                         tr("%1 %2 starts or ends with a space; remove it").arg(what, quoted(id)));
    return {};
}

// ---- Calendar --------------------------------------------------------------------------------------------------

QString SchoolYear::entityKey() const {
    return QStringLiteral("year/") + id;
}

Fields SchoolYear::toFields() const {
    return {{QStringLiteral("start"), dateValue(start)}, {QStringLiteral("end"), dateValue(end)}};
}

Result<SchoolYear> SchoolYear::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("year"), 1);
    SchoolYear y;
    y.id = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "school year id"));
    y.start = r.date("start");
    y.end = r.date("end");
    TABEL_TRY(r.status());
    return y;
}

QString Period::entityKey() const {
    return joinKey({QStringLiteral("period"), yearId, id});
}

Fields Period::toFields() const {
    return {{QStringLiteral("title"), optTextValue(title)},
            {QStringLiteral("kind"), textValue(toString(kind))},
            {QStringLiteral("start"), dateValue(start)},
            {QStringLiteral("end"), dateValue(end)},
            {QStringLiteral("grades"), optTextValue(grades)}};
}

Result<Period> Period::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("period"), 2);
    Period p;
    p.yearId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "school year id"));
    p.id = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "period id"));
    p.title = r.optText("title");
    p.kind = r.enumField("kind", parsePeriodKind);
    p.start = r.date("start");
    p.end = r.date("end");
    p.grades = r.optText("grades");
    TABEL_TRY(r.status());
    return p;
}

// "2-9", "10-11", "5", also "2–4, 6" (ranges and single grades separated by commas); empty: every grade.
bool Period::appliesToGrade(int grade) const {
    const QString all = grades.trimmed();
    if (all.isEmpty())
        return true;
    for (const QString& part : all.split(QLatin1Char(','))) {
        QString range = part.trimmed();
        range.replace(QChar(u'\u2013'), QLatin1Char('-')); // en dash, as typed in documents
        const qsizetype dash = range.indexOf(QLatin1Char('-'));
        bool okLow = false, okHigh = false;
        const int low = (dash < 0 ? range : range.left(dash)).trimmed().toInt(&okLow);
        const int high = dash < 0 ? low : range.mid(dash + 1).trimmed().toInt(&okHigh);
        if (dash < 0)
            okHigh = okLow;
        if (okLow && okHigh && grade >= low && grade <= high)
            return true;
    }
    return false;
}

QString Holiday::entityKey() const {
    return joinKey({QStringLiteral("holiday"), yearId, id});
}

Fields Holiday::toFields() const {
    return {{QStringLiteral("title"), optTextValue(title)},
            {QStringLiteral("start"), dateValue(start)},
            {QStringLiteral("end"), dateValue(end)}};
}

Result<Holiday> Holiday::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("holiday"), 2);
    Holiday h;
    h.yearId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "school year id"));
    h.id = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "holiday id"));
    h.title = r.optText("title");
    h.start = r.date("start");
    h.end = r.date("end");
    TABEL_TRY(r.status());
    return h;
}

// ---- School structure ------------------------------------------------------------------------------------------

QString SchoolClass::entityKey() const {
    return QStringLiteral("class/") + id;
}

Fields SchoolClass::toFields() const {
    return {{QStringLiteral("grade"), intValue(grade)}};
}

Result<SchoolClass> SchoolClass::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("class"), 1);
    SchoolClass c;
    c.id = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    c.grade = r.smallInt("grade");
    TABEL_TRY(r.status());
    return c;
}

QString Pupil::fullName() const {
    QStringList parts;
    for (const QString& p : {surname, name, patronymic})
        if (!p.trimmed().isEmpty())
            parts << p.trimmed();
    return parts.join(QLatin1Char(' '));
}

QString Pupil::entityKey() const {
    return QStringLiteral("pupil/") + id;
}

Fields Pupil::toFields() const {
    return {{QStringLiteral("class"), textValue(classId)},
            {QStringLiteral("surname"), textValue(surname)},
            {QStringLiteral("name"), textValue(name)},
            {QStringLiteral("patronymic"), optTextValue(patronymic)},
            {QStringLiteral("book_no"), optTextValue(bookNumber)}};
}

Result<Pupil> Pupil::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("pupil"), 1);
    Pupil p;
    p.id = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    p.classId = r.idField("class", QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    p.surname = r.text("surname");
    p.name = r.text("name");
    p.patronymic = r.optText("patronymic");
    p.bookNumber = r.optText("book_no");
    TABEL_TRY(r.status());
    return p;
}

Fields SchoolProfile::toFields() const {
    return {
        {QStringLiteral("name"), textValue(name)},
        {QStringLiteral("address"), optTextValue(address)},
        {QStringLiteral("director"), optTextValue(director)},
        {QStringLiteral("deputy"), optTextValue(deputyDirector)},
        {QStringLiteral("secretary"), optTextValue(secretary)},
        {QStringLiteral("average"), average == AverageRule::Weighted ? FieldValue{} : textValue(toString(average))}};
}

Result<SchoolProfile> SchoolProfile::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("school"), 1);
    if (k.value(0) != QLatin1String("profile"))
        r.fail(tr("the school's profile is kept under «%1» only").arg(SchoolProfile::key()));
    SchoolProfile s;
    s.name = r.text("name");
    s.address = r.optText("address");
    s.director = r.optText("director");
    s.deputyDirector = r.optText("deputy");
    s.secretary = r.optText("secretary");
    s.average = r.optEnum("average", parseAverageRule).value_or(AverageRule::Weighted);
    TABEL_TRY(r.status());
    return s;
}

Result<SchoolProfile> SchoolProfile::fromStored(const Fields& f) {
    if (allNull(f))
        return SchoolProfile{};
    return fromFields(key(), f);
}

QString Subject::entityKey() const {
    return QStringLiteral("subject/") + id;
}

Fields Subject::toFields() const {
    return {{QStringLiteral("name"), textValue(name)}};
}

Result<Subject> Subject::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("subject"), 1);
    Subject s;
    s.id = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    s.name = r.text("name");
    TABEL_TRY(r.status());
    return s;
}

QString GroupMember::entityKey() const {
    return joinKey({QStringLiteral("member"), classId, subjectId, groupId, pupilId});
}

Fields GroupMember::toFields() const {
    return {{QStringLiteral("in"), intValue(1)}};
}

Result<GroupMember> GroupMember::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("member"), 4);
    GroupMember m;
    m.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    m.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    m.groupId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    m.pupilId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    r.marker("in");
    TABEL_TRY(r.status());
    return m;
}

QString Teacher::entityKey() const {
    return QStringLiteral("teacher/") + id;
}

Fields Teacher::toFields() const {
    return {{QStringLiteral("name"), textValue(name)}};
}

Result<Teacher> Teacher::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("teacher"), 1);
    Teacher t;
    t.id = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    t.name = r.text("name");
    TABEL_TRY(r.status());
    return t;
}

QString Assignment::entityKey() const {
    return joinKey({QStringLiteral("assign"), teacherId, classId, subjectId, groupId});
}

Fields Assignment::toFields() const {
    return {{QStringLiteral("in"), intValue(1)}};
}

Result<Assignment> Assignment::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("assign"), 4);
    Assignment a;
    a.teacherId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    a.classId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    a.subjectId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    a.groupId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    r.marker("in");
    TABEL_TRY(r.status());
    return a;
}

QString TimetableSlot::entityKey() const {
    return joinKey({QStringLiteral("slot"), classId, QString::number(weekday), QString::number(slot), groupId});
}

Fields TimetableSlot::toFields() const {
    return {{QStringLiteral("subject"), textValue(subjectId)}, {QStringLiteral("teacher"), textValue(teacherId)}};
}

Result<TimetableSlot> TimetableSlot::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("slot"), 4);
    TimetableSlot t;
    t.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    t.weekday = r.number(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "weekday"));
    if (!r.failed() && t.weekday > 7)
        r.fail(tr("weekday %1 is not 1 (Monday) to 7 (Sunday)").arg(t.weekday));
    t.slot = r.number(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "lesson number"));
    t.groupId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    t.subjectId = r.idField("subject", QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    t.teacherId = r.idField("teacher", QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    TABEL_TRY(r.status());
    return t;
}

// ---- The journal -------------------------------------------------------------------------------------------------

QString LessonKey::toString() const {
    const QString day = isoDate(date), number = QString::number(slot);
    QString out;
    out.reserve(classId.size() + subjectId.size() + groupId.size() + day.size() + number.size() + 4);
    out.append(classId).append(u'/').append(subjectId).append(u'/').append(groupId).append(u'/').append(day);
    return out.append(u'/').append(number);
}

Result<LessonKey> LessonKey::parse(const QString& text) {
    const QString t = text.trimmed();
    return lessonKeyFromParts(t.split(QLatin1Char('/')), t);
}

Result<LessonKey> LessonKey::fromKeyParts(const QStringList& keyParts, qsizetype first) {
    return lessonKeyFromParts(keyParts, first, 5, QString());
}

QString Lesson::entityKey() const {
    return QStringLiteral("lesson/") + key.toString();
}

Fields Lesson::toFields() const {
    return {{QStringLiteral("topic"), optTextValue(topic)},
            {QStringLiteral("homework"), optTextValue(homework)},
            {QStringLiteral("due"), optDateValue(homeworkDue)},
            {QStringLiteral("form"), optTextValue(form)},
            {QStringLiteral("distance"), intValue(distance ? 1 : 0)},
            {QStringLiteral("ktp"), optIntValue(ktpTopic)},
            {QStringLiteral("teacher"), optTextValue(teacherId)},
            {QStringLiteral("marks"), optTextValue(toString(markColumns))}};
}

Result<Lesson> Lesson::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("lesson"), 5);
    Lesson l;
    l.key = r.lessonKey(k, 0);
    l.topic = r.optText("topic");
    l.homework = r.optText("homework");
    l.homeworkDue = r.optDate("due");
    l.form = r.optText("form");
    l.distance = r.flag("distance");
    l.ktpTopic = r.optInt("ktp");
    l.teacherId = r.optIdField("teacher", QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    if (const QString columns = r.optText("marks"); !columns.isEmpty()) {
        if (auto parsed = parseMarkColumns(columns))
            l.markColumns = std::move(*parsed);
        else
            r.fail(parsed.error().message);
    }
    TABEL_TRY(r.status());
    return l;
}

QString Mark::entityKey() const {
    return entityKey(lesson.toString());
}

QString Mark::entityKey(const QString& lessonKeyText) const {
    QString key;
    key.reserve(lessonKeyText.size() + pupilId.size() + 9);
    key.append(QLatin1String("mark/")).append(lessonKeyText).append(u'/').append(pupilId).append(u'/');
    if (column >= 0 && column < 10)
        return key.append(QChar(u'0' + column));
    return key.append(QString::number(column));
}

// The most frequent entity of all: defaults (kind current, weight 1, work classwork) are stored as null, so a
// plain mark is one op. Its author is the author of the change set that wrote it (the op log), not a field.
// In name order: each field then goes in at the map's end without a search (written once per mark).
Fields Mark::toFields() const {
    return {{QStringLiteral("kind"), kind == MarkKind::Current ? FieldValue() : textValue(toString(kind))},
            {QStringLiteral("task"), optTextValue(taskId)},
            {QStringLiteral("value"), textValue(toString(value))},
            {QStringLiteral("weight"), weight == 1 ? FieldValue() : intValue(weight)},
            {QStringLiteral("work"), work == WorkKind::Classwork ? FieldValue() : textValue(toString(work))}};
}

Result<Mark> Mark::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("mark"), 7);
    Mark m;
    m.lesson = r.lessonKey(k, 0);
    m.pupilId = r.id(k, 5, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    m.column = r.number(k, 6, QT_TRANSLATE_NOOP("tabel::domain", "mark column"));
    m.value = r.enumField("value", parseMarkValue);
    const auto absent = [&f](const char* name) {
        const auto it = f.find(QLatin1String(name));
        return it == f.end() || isNull(it->second);
    };
    m.kind = absent("kind") ? MarkKind::Current : r.enumField("kind", parseMarkKind);
    m.weight = absent("weight") ? 1 : r.smallInt("weight");
    m.work = absent("work") ? WorkKind::Classwork : r.enumField("work", parseWorkKind);
    m.taskId = r.optIdField("task", QT_TRANSLATE_NOOP("tabel::domain", "task id"));
    TABEL_TRY(r.status());
    return m;
}

QString Attendance::entityKey() const {
    return entityKey(lesson.toString());
}

QString Attendance::entityKey(const QString& lessonKeyText) const {
    QString key;
    key.reserve(lessonKeyText.size() + pupilId.size() + 5);
    return key.append(QLatin1String("att/")).append(lessonKeyText).append(u'/').append(pupilId);
}

Fields Attendance::toFields() const {
    return {{QStringLiteral("cert_date"), optDateValue(certificateDate)},
            {QStringLiteral("cert_no"), optTextValue(certificateNo)},
            {QStringLiteral("reason"), textValue(toString(reason))}};
}

Result<Attendance> Attendance::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("att"), 6);
    Attendance a;
    a.lesson = r.lessonKey(k, 0);
    a.pupilId = r.id(k, 5, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    a.reason = r.enumField("reason", parseAbsenceReason);
    a.certificateNo = r.optText("cert_no");
    a.certificateDate = r.optDate("cert_date");
    TABEL_TRY(r.status());
    return a;
}

QString Task::entityKey() const {
    return joinKey({QStringLiteral("task"), classId, subjectId, groupId, id});
}

Fields Task::toFields() const {
    return {{QStringLiteral("lesson"), lesson ? textValue(lesson->toString()) : FieldValue{}},
            {QStringLiteral("kind"), textValue(toString(kind))},
            {QStringLiteral("title"), textValue(title)},
            {QStringLiteral("text"), optTextValue(text)},
            {QStringLiteral("issued"), dateValue(issued)},
            {QStringLiteral("due"), dateValue(due)},
            {QStringLiteral("form"), optTextValue(form)},
            {QStringLiteral("ktp"), optIntValue(ktpTopic)}};
}

Result<Task> Task::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("task"), 4);
    Task t;
    t.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    t.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    t.groupId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    t.id = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "task id"));
    if (const QString lessonText = r.optText("lesson"); !lessonText.isEmpty()) {
        auto lk = lessonKeyFromParts(lessonText.split(QLatin1Char('/')), lessonText);
        if (lk)
            t.lesson = *lk;
        else
            r.fail(tr("field «lesson»: %1").arg(lk.error().message));
    }
    t.kind = r.enumField("kind", parseWorkKind);
    t.title = r.text("title");
    t.text = r.optText("text");
    t.issued = r.date("issued");
    t.due = r.date("due");
    t.form = r.optText("form");
    t.ktpTopic = r.optInt("ktp");
    TABEL_TRY(r.status());
    return t;
}

QString Submission::entityKey() const {
    const QString task = taskKey.startsWith(kTaskPrefix) ? taskKey.mid(kTaskPrefix.size()) : taskKey;
    return QStringLiteral("sub/") + task + QLatin1Char('/') + pupilId + QLatin1Char('/') + contentHash.left(12);
}

Fields Submission::toFields() const {
    return {{QStringLiteral("hash"), textValue(contentHash)},
            {QStringLiteral("file"), textValue(fileName)},
            {QStringLiteral("size"), intValue(size)},
            {QStringLiteral("received"), dateTimeValue(received)},
            {QStringLiteral("grade"), grade ? textValue(toString(*grade)) : FieldValue{}},
            {QStringLiteral("graded_at"), dateTimeValue(gradedAt)}};
}

Result<Submission> Submission::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("sub"), 6);
    Submission s;
    const QString classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    const QString subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    const QString groupId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    const QString taskId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "task id"));
    s.taskKey = joinKey({QStringLiteral("task"), classId, subjectId, groupId, taskId});
    s.pupilId = r.id(k, 4, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    s.contentHash = r.text("hash");
    if (!r.failed()) {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
        if (!hex.match(s.contentHash).hasMatch())
            r.fail(tr("field «hash» is %1, not a hex SHA-256").arg(quoted(s.contentHash)));
        else if (s.contentHash.left(12) != k[5])
            r.fail(tr("field «hash» %1 does not start with the key's %2").arg(quoted(s.contentHash), quoted(k[5])));
    }
    s.fileName = r.text("file");
    s.size = r.integer("size");
    if (!r.failed() && s.size < 0)
        r.fail(tr("field «size» is negative: %1").arg(s.size));
    s.received = r.dateTime("received");
    s.grade = r.optEnum("grade", parseMarkValue);
    s.gradedAt = r.optDateTime("graded_at");
    TABEL_TRY(r.status());
    return s;
}

QString PeriodMark::entityKey() const {
    return joinKey({QStringLiteral("pmark"), classId, subjectId, periodId, pupilId});
}

Fields PeriodMark::toFields() const {
    return {{QStringLiteral("value"), textValue(toString(value))},
            {QStringLiteral("override"), optTextValue(overrideReason)},
            {QStringLiteral("author"), optTextValue(authorId)},
            {QStringLiteral("device_time"), dateTimeValue(deviceTime)}};
}

Result<PeriodMark> PeriodMark::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("pmark"), 4);
    PeriodMark m;
    m.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    m.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    m.periodId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "period id"));
    m.pupilId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    m.value = r.enumField("value", parseMarkValue);
    m.overrideReason = r.optText("override");
    m.authorId = r.optIdField("author", QT_TRANSLATE_NOOP("tabel::domain", "author id"));
    m.deviceTime = r.optDateTime("device_time");
    TABEL_TRY(r.status());
    return m;
}

QString Correction::entityKey() const {
    return joinKey({QStringLiteral("corr"), classId, subjectId, periodId, pupilId, QString::number(number)});
}

Fields Correction::toFields() const {
    return {
        {QStringLiteral("old"), textValue(toString(oldValue))},  {QStringLiteral("new"), textValue(toString(newValue))},
        {QStringLiteral("explanation"), textValue(explanation)}, {QStringLiteral("approver"), textValue(approver)},
        {QStringLiteral("author"), optTextValue(authorId)},      {QStringLiteral("date"), dateValue(date)}};
}

Result<Correction> Correction::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("corr"), 5);
    Correction c;
    c.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    c.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    c.periodId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "period id"));
    c.pupilId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "pupil id"));
    c.number = r.number(k, 4, QT_TRANSLATE_NOOP("tabel::domain", "correction number"));
    c.oldValue = r.enumField("old", parseMarkValue);
    c.newValue = r.enumField("new", parseMarkValue);
    c.explanation = r.text("explanation");
    c.approver = r.text("approver");
    c.authorId = r.optIdField("author", QT_TRANSLATE_NOOP("tabel::domain", "author id"));
    c.date = r.date("date");
    TABEL_TRY(r.status());
    return c;
}

QString Substitution::entityKey() const {
    return joinKey({QStringLiteral("subst"), isoDate(date), QString::number(slot), classId, groupId});
}

Fields Substitution::toFields() const {
    return {{QStringLiteral("subject"), textValue(subjectId)},
            {QStringLiteral("absent"), textValue(absentTeacherId)},
            {QStringLiteral("substitute"), textValue(substituteId)},
            {QStringLiteral("reason"), optTextValue(reason)}};
}

Result<Substitution> Substitution::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("subst"), 4);
    Substitution s;
    s.date = r.keyDate(k, 0);
    s.slot = r.number(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "lesson number"));
    s.classId = r.id(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    s.groupId = r.id(k, 3, QT_TRANSLATE_NOOP("tabel::domain", "group id"));
    s.subjectId = r.idField("subject", QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    s.absentTeacherId = r.idField("absent", QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    s.substituteId = r.idField("substitute", QT_TRANSLATE_NOOP("tabel::domain", "teacher id"));
    s.reason = r.optText("reason");
    TABEL_TRY(r.status());
    return s;
}

bool Substitution::covers(const LessonKey& lesson) const {
    return lesson.date == date && lesson.slot == slot && lesson.classId == classId && lesson.groupId == groupId &&
           lesson.subjectId == subjectId;
}

QString KtpTopic::entityKey() const {
    return joinKey({QStringLiteral("ktp"), classId, subjectId, QString::number(number)});
}

Fields KtpTopic::toFields() const {
    return {{QStringLiteral("title"), textValue(title)}, {QStringLiteral("hours"), intValue(plannedHours)}};
}

Result<KtpTopic> KtpTopic::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("ktp"), 3);
    KtpTopic t;
    t.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    t.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    t.number = r.number(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "topic number"));
    t.title = r.text("title");
    t.plannedHours = r.smallInt("hours");
    TABEL_TRY(r.status());
    return t;
}

QString KtpCorrection::entityKey() const {
    return joinKey({QStringLiteral("ktpfix"), classId, subjectId, QString::number(number)});
}

Fields KtpCorrection::toFields() const {
    QStringList numbers;
    for (int t : topics)
        numbers << QString::number(t);
    return {{QStringLiteral("date"), dateValue(date)},
            {QStringLiteral("topics"), optTextValue(numbers.join(QLatin1Char(',')))},
            {QStringLiteral("planned"), intValue(plannedHours)},
            {QStringLiteral("actual"), intValue(actualHours)},
            {QStringLiteral("reason"), optTextValue(reason)},
            {QStringLiteral("method"), textValue(toString(method))}};
}

Result<KtpCorrection> KtpCorrection::fromFields(const QString& key, const Fields& f) {
    Reader r(key, f);
    const QStringList k = r.segments(QLatin1String("ktpfix"), 3);
    KtpCorrection c;
    c.classId = r.id(k, 0, QT_TRANSLATE_NOOP("tabel::domain", "class id"));
    c.subjectId = r.id(k, 1, QT_TRANSLATE_NOOP("tabel::domain", "subject id"));
    c.number = r.number(k, 2, QT_TRANSLATE_NOOP("tabel::domain", "entry number"));
    c.date = r.date("date");
    if (const QString numbers = r.optText("topics"); !numbers.isEmpty()) {
        for (const QString& n : numbers.split(QLatin1Char(','))) {
            const auto topic = parseKeyNumber(n);
            if (!topic) {
                r.fail(tr("field «topics» is %1, not a list of topic numbers like 3,4").arg(quoted(numbers)));
                break;
            }
            c.topics << *topic;
        }
    }
    c.plannedHours = r.smallInt("planned");
    c.actualHours = r.smallInt("actual");
    c.reason = r.optText("reason");
    c.method = r.enumField("method", parseKtpMethod);
    TABEL_TRY(r.status());
    return c;
}

QString entityType(const QString& key) {
    return key.section(QLatin1Char('/'), 0, 0);
}

namespace {
QString collationKey(const QString& s) {
    QString key = s.toLower();
    key.replace(QChar(0x0451), QChar(0x0435)); // ё → е
    return key;
}
} // namespace

bool alphabeticalBefore(const Pupil& a, const Pupil& b) {
    const auto ka = std::make_tuple(collationKey(a.surname), collationKey(a.name), collationKey(a.patronymic));
    const auto kb = std::make_tuple(collationKey(b.surname), collationKey(b.name), collationKey(b.patronymic));
    if (ka != kb)
        return ka < kb;
    return std::tie(a.surname, a.name, a.patronymic, a.id) < std::tie(b.surname, b.name, b.patronymic, b.id);
}

} // namespace tabel::domain
