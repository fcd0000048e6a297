// The node's stored blobs (node/store): a lesson document (docs::decodeDoc) and an entity's state
// (schema::decodeState), as read back from the encrypted store. The first byte picks which.
#include "node/store/lesson_docs.h"
#include "node/store/schema.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;
using namespace tabel::node;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        schema::EntityState lesson;
        lesson[QStringLiteral("topic")] = {domain::FieldValue(QStringLiteral("Натуральные числа")),
                                           sync::Version{1, 1767225600000LL << 16}};
        lesson[QStringLiteral("distance")] = {domain::FieldValue(std::int64_t(1)),
                                              sync::Version{1, (1767225600000LL << 16) + 1}};
        schema::EntityState mark;
        mark[QStringLiteral("value")] = {domain::FieldValue(QStringLiteral("5")),
                                         sync::Version{2, (1767225600000LL << 16) + 2}};
        mark[QStringLiteral("note")] = {domain::FieldValue(), sync::Version{2, (1767225600000LL << 16) + 3}};
        const QByteArray lessonBlob = schema::encodeState(lesson), markBlob = schema::encodeState(mark);
        fuzz::writeSeed(dir, QStringLiteral("state-lesson"), '\1' + lessonBlob);
        fuzz::writeSeed(dir, QStringLiteral("state-mark"), '\1' + markBlob);
        docs::Entries entries;
        entries["lesson"] = lessonBlob;
        entries["mark/p01/1"] = markBlob;
        fuzz::writeSeed(dir, QStringLiteral("doc"), '\0' + docs::encodeDoc(entries));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const QByteArray bytes = fuzz::input(data + 1, size - 1);
    if (data[0] % 2 == 0) {
        if (auto entries = docs::decodeDoc(bytes))
            for (const auto& [sub, state] : *entries)
                (void)schema::decodeState(state);
    } else {
        (void)schema::decodeState(bytes);
    }
    return 0;
}
