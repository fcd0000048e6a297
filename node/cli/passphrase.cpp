#include "node/cli/passphrase.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace tabel::node::cli {

namespace {

constexpr std::size_t kMaxPassphraseBytes = 1024;

Error usage(const QString& message) {
    return makeError(ErrorCode::InvalidArgument, message);
}

// Reads up to `capacity` bytes from fd into buf until a line ends; returns the line length without "\r\n", or -1
// when the line does not fit, or -2 on a read error.
long readLine(int fd, crypto::SecretBytes& buf, bool& sawAnything) {
    std::size_t len = 0;
    sawAnything = false;
    for (;;) {
        unsigned char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -2;
        }
        if (n == 0)
            break;
        sawAnything = true;
        if (c == '\n')
            break;
        if (len >= buf.size())
            return -1;
        buf.data()[len++] = c;
        c = 0;
    }
    if (len > 0 && buf.data()[len - 1] == '\r')
        --len;
    return long(len);
}

// The terminal state to restore if the user presses Ctrl-C at the prompt.
int g_ttyFd = -1;
struct termios g_savedTermios;
volatile sig_atomic_t g_restoreOnSignal = 0;

extern "C" void restoreTerminalAndReraise(int sig) {
    if (g_restoreOnSignal && g_ttyFd >= 0)
        tcsetattr(g_ttyFd, TCSAFLUSH, &g_savedTermios);
    const char nl = '\n';
    if (g_ttyFd >= 0)
        (void)!::write(g_ttyFd, &nl, 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void writeAll(int fd, const QByteArray& bytes) {
    const char* p = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, std::size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        p += n;
        left -= n;
    }
}

} // namespace

Result<crypto::SecretBytes> readPassphraseFile(const QString& path, const QString& option) {
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return usage(QCoreApplication::translate("tabel-node", "%1: cannot read the passphrase file %2: %3")
                         .arg(option, path, QString::fromLocal8Bit(std::strerror(errno))));
    crypto::SecretBytes buf(kMaxPassphraseBytes);
    bool sawAnything = false;
    const long len = readLine(fd, buf, sawAnything);
    ::close(fd);
    if (len == -2)
        return usage(
            QCoreApplication::translate("tabel-node", "%1: cannot read the passphrase file %2").arg(option, path));
    if (len == -1)
        return usage(QCoreApplication::translate("tabel-node",
                                                 "%1: the first line of %2 is longer than %3 bytes; "
                                                 "a passphrase file holds the passphrase on its first line")
                         .arg(option, path)
                         .arg(kMaxPassphraseBytes));
    if (len == 0)
        return usage(QCoreApplication::translate("tabel-node", "%1: the first line of the passphrase file %2 is empty")
                         .arg(option, path));
    return crypto::SecretBytes::fromBytes(buf.data(), std::size_t(len));
}

std::optional<crypto::SecretBytes> passphraseFromEnvironment(const char* variable) {
    const char* value = std::getenv(variable);
    if (!value || !*value)
        return std::nullopt;
    return crypto::SecretBytes::fromBytes(value, std::strlen(value));
}

bool terminalAvailable() {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

Result<crypto::SecretBytes> promptPassphrase(const QString& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("tabel-node", "there is no terminal to ask on"));
    writeAll(fd, prompt.toUtf8());

    struct termios saved;
    const bool haveTermios = tcgetattr(fd, &saved) == 0;
    struct sigaction oldInt, oldTerm, oldHup, oldQuit;
    if (haveTermios) {
        g_ttyFd = fd;
        g_savedTermios = saved;
        g_restoreOnSignal = 1;
        struct sigaction sa;
        std::memset(&sa, 0, sizeof sa);
        sa.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &oldInt);
        sigaction(SIGTERM, &sa, &oldTerm);
        sigaction(SIGHUP, &sa, &oldHup);
        sigaction(SIGQUIT, &sa, &oldQuit);
        struct termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK);
        quiet.c_lflag |= tcflag_t(ICANON | ECHONL);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }

    crypto::SecretBytes buf(kMaxPassphraseBytes);
    bool sawAnything = false;
    const long len = readLine(fd, buf, sawAnything);

    if (haveTermios) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        g_restoreOnSignal = 0;
        sigaction(SIGINT, &oldInt, nullptr);
        sigaction(SIGTERM, &oldTerm, nullptr);
        sigaction(SIGHUP, &oldHup, nullptr);
        sigaction(SIGQUIT, &oldQuit, nullptr);
        g_ttyFd = -1;
    }
    if (!sawAnything)
        writeAll(fd, QByteArrayLiteral("\n"));
    ::close(fd);

    if (len == -1)
        return usage(QCoreApplication::translate("tabel-node", "the passphrase is longer than %1 bytes")
                         .arg(kMaxPassphraseBytes));
    if (len == -2)
        return usage(QCoreApplication::translate("tabel-node", "cannot read the passphrase from the terminal"));
    if (len == 0)
        return usage(QCoreApplication::translate("tabel-node", "no passphrase was entered"));
    return crypto::SecretBytes::fromBytes(buf.data(), std::size_t(len));
}

Result<crypto::SecretBytes> obtainPassphrase(const PassphraseSource& source, bool confirm) {
    if (!source.file.isEmpty())
        return readPassphraseFile(source.file, source.fileOption);
    if (auto fromEnv = passphraseFromEnvironment(source.environmentVariable))
        return std::move(*fromEnv);
    if (!terminalAvailable())
        return usage(source.missingHint);
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes first, promptPassphrase(source.prompt));
    if (!confirm)
        return first;
    TABEL_ASSIGN_OR_RETURN(crypto::SecretBytes second, promptPassphrase(source.repeatPrompt));
    if (!first.equals(second))
        return usage(QCoreApplication::translate("tabel-node", "the passphrases do not match; nothing was changed"));
    return first;
}

} // namespace tabel::node::cli
