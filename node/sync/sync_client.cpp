#include "node/sync/sync_client.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QUrl>

#include <set>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "tabel.node.sync", QtWarningMsg)

namespace tabel::node {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::node::SyncClient", s);
}

// "ab12…" in groups of four, for messages about certificates.
QString hexGroups(const QByteArray& bytes) {
    const QString hex = QString::fromLatin1(bytes.toHex());
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups << hex.mid(i, 4);
    return groups.join(u':');
}

// One HTTPS POST and what came of it.
struct Attempt {
    bool networkError = false;
    QString networkErrorText;
    QByteArray peerFingerprint; // SHA-256 of the hub's certificate, when the handshake got that far
    bool pinMismatch = false;
    int status = 0;
    QByteArray body;
};

Attempt postOnce(QNetworkAccessManager& net, const QUrl& url, const QByteArray& pin, const QByteArray& body,
                 int timeoutMs) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = net.post(request, body);
    Attempt a;
    const auto peer = [reply]() {
        const QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
        return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
    };
    // The hub's certificate is self-signed: it is accepted only when it is the pinned one. A reused connection
    // reports no errors again, so the pin is checked once more on the answer below.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, &a, &pin, peer](const QList<QSslError>&) {
        a.peerFingerprint = peer();
        if (!a.peerFingerprint.isEmpty() && a.peerFingerprint.startsWith(pin))
            reply->ignoreSslErrors();
        else
            a.pinMismatch = true;
    });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    if (const QByteArray seen = peer(); !seen.isEmpty()) {
        a.peerFingerprint = seen;
        if (!seen.startsWith(pin))
            a.pinMismatch = true;
    }
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    if (a.status == 0 && !a.pinMismatch) {
        a.networkError = true;
        a.networkErrorText = reply->errorString();
    }
    if (a.status != 0 && a.peerFingerprint.isEmpty())
        a.pinMismatch = true; // an answer without TLS, or without a certificate: never trusted
    reply->deleteLater();
    return a;
}

// The fields the hub lists as open that this sync pulled a write of: the conflicts it found (R-S5).
int openAmong(const QList<sync::OpenConflict>& open, const std::set<std::pair<QString, QString>>& pulled) {
    int n = 0;
    for (const sync::OpenConflict& c : open)
        n += pulled.count({c.entity, c.field}) ? 1 : 0;
    return n;
}

} // namespace

SyncClient::SyncClient(NodeStore& store, SyncOptions options)
    : m_store(store), m_options(std::move(options)), m_net(std::make_unique<QNetworkAccessManager>()) {}

SyncClient::~SyncClient() = default;

Error SyncClient::fail(SyncFailure kind, Error error) {
    m_failure = kind;
    return error;
}

Result<QByteArray> SyncClient::post(const QString& url, const QByteArray& pin, const QString& path,
                                    const QByteArray& messageCbor) {
    const QUrl target(url + path);
    QString lastError;
    for (int attempt = 0; attempt <= m_options.backoffMs.size(); ++attempt) {
        if (attempt > 0)
            QThread::msleep(unsigned(m_options.backoffMs[attempt - 1]));
        // A new frame per attempt: a fresh time and nonce, since the hub refuses a nonce it has seen.
        Result<QByteArray> frame = m_store.signFrame(messageCbor);
        if (!frame)
            return fail(SyncFailure::Other, frame.error());
        const Attempt a = postOnce(*m_net, target, pin, *frame, m_options.transferTimeoutMs);
        if (a.pinMismatch)
            return fail(SyncFailure::Pin,
                        makeError(ErrorCode::Crypto,
                                  tr("the certificate of the hub at %1 is not the one this node trusts: its "
                                     "fingerprint starts with %2, expected %3; nothing was sent. Check the address, "
                                     "or ask the hub's operator")
                                      .arg(url, hexGroups(a.peerFingerprint.left(pin.size())), hexGroups(pin))));
        if (a.networkError || a.status >= 500) {
            lastError =
                a.networkError
                    ? a.networkErrorText
                    : QStringLiteral("HTTP %1: %2").arg(a.status).arg(QString::fromUtf8(a.body).section(u'\n', 0, 0));
            qCWarning(lcSync) << "attempt" << attempt + 1 << "failed:" << lastError;
            continue;
        }
        // The hub's error body: a code for programs, then a line for people.
        const QStringList lines =
            a.status == 200 ? QStringList() : QString::fromUtf8(a.body).split(u'\n', Qt::SkipEmptyParts);
        if (a.status == 401 && lines.value(0) == QLatin1String("replayed")) {
            // This client signs a new frame for every attempt, so a nonce the hub has seen was sent twice by the
            // network library itself: Qt resends a request on its own when the connection closes before the
            // answer. The first copy may have been applied; every request is idempotent (a push by its batch
            // id, a pull by its cursor), so it is one more attempt with a fresh frame.
            lastError = tr("the connection closed before the hub answered");
            qCWarning(lcSync) << "attempt" << attempt + 1 << "was resent by the transport; trying again";
            continue;
        }
        if (a.status != 200) {
            const QString why = lines.size() > 1 ? lines[1] : lines.value(0, QString::number(a.status));
            return fail(SyncFailure::Refused,
                        makeError(ErrorCode::Io, tr("the hub refused the request (%1): %2")
                                                     .arg(lines.value(0, QString::number(a.status)), why)));
        }
        m_lastPeer = a.peerFingerprint;
        sync::WireResult<QByteArray> plain = sync::decompressPayload(a.body);
        if (!plain)
            return fail(SyncFailure::Other,
                        makeError(ErrorCode::InvalidInput,
                                  tr("the hub's answer does not decode: %1").arg(plain.error().message)));
        return *plain;
    }
    return fail(SyncFailure::Unreachable,
                makeError(ErrorCode::Io, tr("the hub at %1 cannot be reached (%2)").arg(url, lastError)));
}

Result<sync::Enrolled> SyncClient::enroll(const QString& hubUrl, const QString& codeText, const QString& nodeName) {
    Result<sync::EnrolmentCode> code = sync::parseEnrolmentCode(codeText);
    if (!code)
        return fail(SyncFailure::Other,
                    makeError(ErrorCode::InvalidArgument, tr("CODE: %1").arg(code.error().message)));
    const QUrl url(hubUrl);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() || !url.query().isEmpty())
        return fail(SyncFailure::Other,
                    makeError(ErrorCode::InvalidArgument,
                              tr("URL: expected the hub's address as https://HOST:PORT, got «%1»").arg(hubUrl)));
    QString base = url.toString(QUrl::StripTrailingSlash);
    TABEL_ASSIGN_OR_RETURN(const std::optional<HubLink> existing, m_store.hubLink());
    if (existing)
        return fail(
            SyncFailure::Other,
            makeError(ErrorCode::AlreadyExists,
                      tr("this node is already enrolled at %1 as node «%2»").arg(existing->url, existing->nodeId)));
    sync::EnrollRequest request;
    request.secret = code->secret;
    request.nodeName = nodeName.left(64);
    TABEL_ASSIGN_OR_RETURN(const QByteArray answer,
                           post(base, code->fingerprintPrefix, QStringLiteral("/v1/enroll"), sync::encode(request)));
    sync::WireResult<sync::Enrolled> enrolled = sync::decodeEnrolled(answer);
    if (!enrolled)
        return fail(SyncFailure::Other,
                    makeError(ErrorCode::InvalidInput,
                              tr("the hub's answer does not decode: %1").arg(enrolled.error().message)));
    if (enrolled->teacherId != m_store.teacherId())
        return fail(SyncFailure::Refused,
                    makeError(ErrorCode::Io, tr("the code was made for teacher «%1», but this store belongs to "
                                                "teacher «%2»; nothing was stored. Ask the hub's operator for a code "
                                                "for «%2»")
                                                 .arg(enrolled->teacherId, m_store.teacherId())));
    HubLink link;
    link.url = base;
    link.fingerprint = m_lastPeer;
    link.nodeId = enrolled->nodeId;
    TABEL_TRY(m_store.saveEnrolment(link, enrolled->assignments));
    return *enrolled;
}

Result<SyncReport> SyncClient::sync() {
    TABEL_ASSIGN_OR_RETURN(SyncReport report, exchange());
    reportPrints(report);
    return report;
}

// Issue 11 item 4 (2.5.10): what this computer printed joins the school's register. A hub that does not take the
// entries leaves them for the next sync; the change sets are already exchanged, so the sync has succeeded.
void SyncClient::reportPrints(SyncReport& report) {
    Result<std::optional<HubLink>> link = m_store.hubLink();
    if (!link || !*link)
        return;
    const sync::WireLimits limits;
    for (int round = 0; round < 100; ++round) {
        Result<QList<NodeStore::PrintRecord>> pending = m_store.unreportedPrints(limits.maxPrintsPerReport);
        if (!pending) {
            report.printsNotReported = pending.error().message;
            return;
        }
        if (pending->isEmpty())
            return;
        sync::PrintsReport message;
        message.nodeId = (*link)->nodeId;
        for (const NodeStore::PrintRecord& p : *pending)
            message.prints.append({quint64(p.number), p.printed.toMSecsSinceEpoch(), p.who, p.form, p.parameters,
                                   p.format, quint64(p.pages), quint64(p.bytes), p.sha256});
        Result<QByteArray> answer =
            post((*link)->url, (*link)->fingerprint, QStringLiteral("/v1/prints"), sync::encode(message));
        if (!answer) {
            report.printsNotReported = answer.error().message;
            return;
        }
        sync::WireResult<sync::PrintsAck> ack = sync::decodePrintsAck(*answer, limits);
        if (!ack) {
            report.printsNotReported = tr("the hub's answer does not decode: %1").arg(ack.error().message);
            return;
        }
        if (Status marked = m_store.markPrintsReported(ack->numbers); !marked) {
            report.printsNotReported = marked.error().message;
            return;
        }
        report.reportedPrints += int(ack->numbers.size());
        if (ack->numbers.size() < pending->size())
            return; // the hub kept some back: they go with the next sync
    }
}

Result<SyncReport> SyncClient::exchange() {
    TABEL_ASSIGN_OR_RETURN(const std::optional<HubLink> linked, m_store.hubLink());
    if (!linked)
        return fail(SyncFailure::Other,
                    makeError(ErrorCode::NotFound,
                              tr("this node is not enrolled at a hub; run «tabel-node enroll URL CODE» first")));
    const HubLink link = *linked;
    SyncReport report;

    std::optional<sync::PullBatch> pulledWithPush; // the first pull's answer, when the last batch's Ack carried it

    // ---- Push: the pending change sets, in batches. A batch is recorded before it is sent, so a retry after an
    // interruption sends the same batch id and the hub answers with the Ack it stored.
    for (;;) {
        TABEL_ASSIGN_OR_RETURN(std::optional<PendingBatch> pending, m_store.pendingBatch());
        if (!pending) {
            TABEL_ASSIGN_OR_RETURN(const QList<std::int64_t> seqs,
                                   m_store.pendingSeqs(m_options.maxSetsPerBatch, m_options.maxOpsPerBatch));
            if (seqs.isEmpty())
                break;
            pending = PendingBatch{sync::newBatchId(), seqs};
            TABEL_TRY(m_store.beginBatch(*pending));
        }
        sync::PushBatch batch;
        batch.nodeId = link.nodeId;
        batch.batchId = pending->batchId;
        batch.cursor = link.cursor;
        // The last batch asks for the pull in its Ack: one request fewer (PROTOCOL.md, "Push and pull in one
        // request"). A hub that does not answer it is asked below.
        TABEL_ASSIGN_OR_RETURN(const std::int64_t stillPending, m_store.pendingCount());
        if (pending->seqs.size() >= stillPending)
            batch.pullMax = m_options.maxPullChangeSets;
        TABEL_ASSIGN_OR_RETURN(batch.changeSets, m_store.ownSignedChangeSets(pending->seqs));
        TABEL_ASSIGN_OR_RETURN(const QByteArray answer,
                               post(link.url, link.fingerprint, QStringLiteral("/v1/push"), sync::encode(batch)));
        sync::WireResult<sync::Ack> ack = sync::decodeAck(answer);
        if (!ack)
            return fail(SyncFailure::Other,
                        makeError(ErrorCode::InvalidInput,
                                  tr("the hub's answer does not decode: %1").arg(ack.error().message)));
        if (ack->batchId != batch.batchId || ack->entries.size() != pending->seqs.size())
            return fail(SyncFailure::Other,
                        makeError(ErrorCode::InvalidInput, tr("the hub's answer does not match the batch sent")));
        ++report.batches;
        QList<std::pair<std::int64_t, PushState>> states;
        QList<std::pair<std::int64_t, QString>> held; // R-S6: amendment requests, kept for the teacher to see
        for (qsizetype i = 0; i < ack->entries.size(); ++i) {
            const sync::AckEntry& e = ack->entries[i];
            const std::int64_t seq = pending->seqs[i];
            if (e.status != sync::AckStatus::Rejected) {
                states.append({seq, PushState::Pushed});
                ++report.pushedChangeSets;
                if (e.status == sync::AckStatus::Conflict)
                    ++report.conflictChangeSets;
                if (sync::AckReason(e.reason) == sync::AckReason::AmendmentRequest) {
                    report.amendmentRequests << tr("change set %1: %2").arg(seq).arg(e.text);
                    held.append({seq, e.text});
                }
                continue;
            }
            const auto reason = sync::AckReason(e.reason);
            if (reason == sync::AckReason::SequenceGap || reason == sync::AckReason::UnknownDevice ||
                reason == sync::AckReason::Suspended) {
                states.append({seq, PushState::Pending}); // may succeed later: stays pending
                report.pushStopped = true;
            } else {
                states.append({seq, PushState::Refused}); // the hub keeps it refused: kept here, not resent
                ++report.refusedChangeSets;
            }
            report.refusals << tr("change set %1: %2").arg(seq).arg(e.text);
        }
        TABEL_TRY(m_store.finishBatch(states));
        // The pull that came with the Ack, read only now that the Ack is recorded; one this node cannot read is
        // asked for again below, where the sync fails with the reason if the hub's answer stays unreadable.
        pulledWithPush.reset();
        if (ack->pulled) {
            sync::WireResult<sync::PullBatch> withPush = sync::decodePullBatch(*ack->pulled);
            if (withPush)
                pulledWithPush = std::move(withPush).value();
            else
                qCWarning(lcSync) << "the pull in the hub's answer does not decode; asking for it again:"
                                  << withPush.error().message;
        }
        TABEL_TRY(m_store.recordAmendmentsHeld(held, QDateTime::currentMSecsSinceEpoch()));
        if (report.pushStopped)
            break;
    }

    // ---- Pull: from the stored cursor until the hub has nothing more.
    quint64 cursor = link.cursor;
    // Fields this sync pulled that an answer listed as open at the hub (R-S5): with the hub's list, the
    // conflicts this sync found are those still open, not every concurrent write seen on the way (a resolution
    // pulled after the conflicting edits is not a conflict).
    std::set<std::pair<QString, QString>> pulledOpen;
    for (;;) {
        std::optional<sync::PullBatch> pulled = std::exchange(pulledWithPush, std::nullopt);
        if (!pulled || pulled->fromCursor != cursor) {
            sync::PullRequest request;
            request.cursor = cursor;
            request.maxChangeSets = m_options.maxPullChangeSets;
            TABEL_ASSIGN_OR_RETURN(const QByteArray answer,
                                   post(link.url, link.fingerprint, QStringLiteral("/v1/pull"), sync::encode(request)));
            sync::WireResult<sync::PullBatch> decoded = sync::decodePullBatch(answer);
            if (!decoded)
                return fail(SyncFailure::Other,
                            makeError(ErrorCode::InvalidInput,
                                      tr("the hub's answer does not decode: %1").arg(decoded.error().message)));
            pulled = std::move(decoded).value();
        }
        if (pulled->closedPeriods)
            report.closedPeriods = pulled->closedPeriods;
        if (pulled->openConflicts)
            report.openConflicts = pulled->openConflicts; // the last answer's list is the current one
        QList<NodeStore::AmendmentDecision> decisions;
        for (const sync::AmendmentNotice& n : pulled->notices)
            decisions.append({std::int64_t(n.seq), qint64(n.amendmentId), n.accepted, n.text});
        TABEL_TRY(m_store.recordAmendmentDecisions(decisions, QDateTime::currentMSecsSinceEpoch()));
        for (const sync::AmendmentNotice& n : pulled->notices)
            report.amendmentDecisions
                << (n.accepted ? tr("change set %1 (amendment request %2) was accepted by the operator and merged")
                                     .arg(n.seq)
                                     .arg(n.amendmentId)
                               : tr("change set %1 (amendment request %2) was declined by the operator: %3")
                                     .arg(n.seq)
                                     .arg(n.amendmentId)
                                     .arg(n.text));
        if (pulled->toCursor <= cursor)
            break;
        if (pulled->openConflicts && !pulled->openConflicts->isEmpty()) {
            std::set<std::pair<QString, QString>> open;
            for (const sync::OpenConflict& c : *pulled->openConflicts)
                open.insert({c.entity, c.field});
            for (const sync::PulledChangeSet& p : pulled->changeSets) {
                // Decoded only when something is open, to count; applyPulled below verifies each set, and the
                // sync fails (counting nothing) if one does not verify.
                Result<sync::ChangeSet> cs =
                    sync::ChangeSet::fromCanonicalBytes(p.changeSet.canonical, p.changeSet.signature);
                if (!cs)
                    continue;
                for (const sync::Op& op : cs->ops)
                    if (open.count({op.entity, op.field}))
                        pulledOpen.insert({op.entity, op.field});
            }
        }
        // The hub examined its whole log: asking again would only return the same cursor. When the answer says
        // what is open at the hub, the sync's conflicts are known now, and this pull records how the sync ended
        // in its own transaction (one commit fewer).
        const bool last = pulled->complete.value_or(false);
        std::optional<SyncRecord> finish;
        if (last && report.openConflicts)
            finish = SyncRecord{openAmong(*report.openConflicts, pulledOpen), report.openConflicts};
        Result<PullApplied> applied = m_store.applyPulled(*pulled, finish ? &*finish : nullptr);
        if (!applied)
            return fail(SyncFailure::Other, applied.error());
        report.pulledChangeSets += applied->changeSets;
        report.pulledOps += applied->ops;
        report.appliedOps += applied->applied;
        report.conflicts += applied->conflicts;
        report.refusedPulls << applied->refused;
        cursor = pulled->toCursor;
        if (finish) {
            report.conflicts = finish->conflicts;
            return report;
        }
        if (last)
            break;
    }
    if (report.openConflicts)
        report.conflicts = openAmong(*report.openConflicts, pulledOpen);
    TABEL_TRY(m_store.recordSync(report.conflicts, report.openConflicts));
    return report;
}

} // namespace tabel::node
