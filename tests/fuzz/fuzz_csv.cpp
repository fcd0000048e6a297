// The CSV reader of the files a school hands over (shared/csv): any bytes, with and without required columns.
#include "shared/csv/csv.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        fuzz::writeSeed(dir, QStringLiteral("semicolon"),
                        QByteArrayLiteral("sep=;\r\npupil_id;class;surname\r\np01;7А;\"Алексеев\"\"\"\r\n;;\r\n"));
        fuzz::writeSeed(dir, QStringLiteral("bom-quoted"),
                        QByteArrayLiteral("\xEF\xBB\xBFpupil_id,class\n\"p\n01\",7А\rp02,\"7Б\"\n"));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes = fuzz::input(data, size);
    if (auto table = csv::parse(bytes, QStringLiteral("fuzz.csv"), {})) {
        for (const QStringList& row : table->rows)
            if (row.size() != table->header.size())
                std::abort(); // csv.h: every row has header.size() fields
    }
    (void)csv::parse(bytes, QStringLiteral("roster.csv"), {QStringLiteral("pupil_id"), QStringLiteral("class")});
    return 0;
}
