// What every libFuzzer target of tests/fuzz shares: `--write-seeds=DIR` (handled in LLVMFuzzerInitialize, before
// libFuzzer reads its arguments) writes the target's seeds made by the encoders, so that the corpus follows the
// format; run_fuzz.sh adds the files of the repository (golden files, the demo's CSV) and runs the target.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace tabel::fuzz {

inline QByteArray input(const std::uint8_t* data, std::size_t size) {
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)); // a copy: ASan sees overreads
}

inline void writeSeed(const QString& dir, const QString& name, const QByteArray& bytes) {
    QFile f(dir + u'/' + name);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        std::abort();
}

// Called from LLVMFuzzerInitialize: when the arguments hold --write-seeds=DIR, writes the seeds there and exits.
inline void seedsOnRequest(int* argc, char*** argv, const std::function<void(const QString& dir)>& write) {
    for (int i = 1; i < *argc; ++i) {
        const char* a = (*argv)[i];
        constexpr const char* flag = "--write-seeds=";
        if (std::strncmp(a, flag, std::strlen(flag)) == 0) {
            const QString dir = QString::fromLocal8Bit(a + std::strlen(flag));
            QDir().mkpath(dir);
            write(dir);
            std::exit(0);
        }
    }
}

} // namespace tabel::fuzz
