// The messages inside a frame: the first byte picks the decoder (push, pull request, pull answer, Ack, enrolment
// request, enrolment answer), the rest is the CBOR.
#include "shared/crypto/signing.h"
#include "sync/wire.h"
#include "tests/fuzz/fuzz_support.h"

using namespace tabel;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    if (!crypto::initialize())
        std::abort();
    fuzz::seedsOnRequest(argc, argv, [](const QString& dir) {
        const auto key = crypto::SigningKeyPair::generate();
        sync::ChangeSet cs;
        cs.author = QStringLiteral("t01");
        cs.seq = 1;
        cs.ops = {sync::Op{1,
                           QStringLiteral("mark/7А/math/all/2026-09-01/2/p01/1"),
                           QStringLiteral("value"),
                           QStringLiteral("5"),
                           {}}};
        cs.hlc = 1;
        cs.sign(key);
        sync::PushBatch push;
        push.nodeId = QStringLiteral("n1");
        push.batchId = QByteArray(16, 'b');
        push.changeSets = {sync::SignedChangeSet::of(cs)};
        sync::PullBatch pulled;
        pulled.toCursor = 7;
        sync::Ack ack;
        ack.batchId = push.batchId;
        sync::EnrollRequest enrol;
        enrol.secret = QByteArray(sync::kEnrollSecretBytes, 's');
        enrol.nodeName = QStringLiteral("laptop");
        sync::Enrolled enrolled;
        enrolled.nodeId = QStringLiteral("n1");
        enrolled.teacherId = QStringLiteral("t01");
        enrolled.teacherName = QStringLiteral("Иванова Мария Петровна");
        enrolled.assignments = {{QStringLiteral("7А"), QStringLiteral("math"), QStringLiteral("all")}};
        const QList<QByteArray> seeds = {
            encode(push),
            encode(sync::PullRequest{}),
            encode(pulled),
            encode(ack),
            encode(enrol),
            encode(enrolled),
            encode(sync::PrintsReport{
                sync::kProtocolVersion,
                QStringLiteral("n1"),
                {{1, 1796400000000, QStringLiteral("t01"), QStringLiteral("journal"), QStringLiteral("class=7А"),
                  QStringLiteral("pdf"), 2, 40000, QByteArray(sync::kSha256Bytes, '\x11')}}}),
            encode(sync::PrintsAck{sync::kProtocolVersion, {1, 2}})};
        for (int i = 0; i < seeds.size(); ++i)
            fuzz::writeSeed(dir, QStringLiteral("message-%1").arg(i), char(i) + seeds[i]);
        // Push and pull in one request: the batch that asks (its 7th item), the Ack that answers (a pull inside).
        sync::PushBatch asking = push;
        asking.pullMax = 1000;
        sync::Ack answering = ack;
        pulled.complete = true;
        pulled.openConflicts = QList<sync::OpenConflict>{};
        answering.pulled = encode(pulled);
        fuzz::writeSeed(dir, QStringLiteral("message-push-asking"), char(0) + encode(asking));
        fuzz::writeSeed(dir, QStringLiteral("message-ack-answering"), char(3) + encode(answering));
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const QByteArray cbor = fuzz::input(data + 1, size - 1);
    switch (data[0] % 8) {
    case 0:
        if (auto batch = sync::decodePushBatch(cbor))
            for (const sync::SignedChangeSet& s : batch->changeSets)
                (void)s.open();
        break;
    case 1:
        (void)sync::decodePullRequest(cbor);
        break;
    case 2:
        (void)sync::decodePullBatch(cbor);
        break;
    case 3:
        if (auto ack = sync::decodeAck(cbor); ack && ack->pulled) // as the node reads it (SyncClient)
            (void)sync::decodePullBatch(*ack->pulled);
        break;
    case 4:
        (void)sync::decodeEnrollRequest(cbor);
        break;
    case 5:
        (void)sync::decodeEnrolled(cbor);
        break;
    case 6:
        (void)sync::decodePrintsReport(cbor);
        break;
    case 7:
        (void)sync::decodePrintsAck(cbor);
        break;
    }
    return 0;
}
