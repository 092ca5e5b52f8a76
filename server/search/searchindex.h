#pragma once

#include "core/listquery.h"
#include "storage/recordobserver.h"
#include "storage/recordstore.h"

namespace Lectern::Server {

// One answer of a full-text search: a course, module or content item, with an HTML snippet of
// where it matched (see SearchText::present).
struct SearchHit
{
    QString type; // course | module | content
    QString id;
    QString courseId;
    QString moduleId; // for content items
    QString title;
    QString snippet;
    double rank = 0; // higher is better; comparable within one answer only

    QJsonObject toJson() const;
};

// The full-text index of courses, modules and content items (titles weighted over bodies), kept
// in the transaction of every write (SearchIndexObserver), and queried with SQL that differs
// between the backends only through SqlDialect.
class SearchIndex
{
public:
    // Whether records of `spec` are indexed.
    static bool indexes(const EntitySpec &spec);
    // Brings the index in line with `record` as just written (a tombstone leaves it out).
    static Result<void> update(Transaction &tx, const EntitySpec &spec, const Record &record);
    // The same for a write from `before` (empty for a new record) to `after`: nothing to do when
    // no indexed text, parent or the tombstone flag changed; held back until the transaction's
    // SearchBatch (if it has one) flushes.
    static Result<void> update(Transaction &tx, const EntitySpec &spec, const Record &before,
                               const Record &after);
    // Indexes every record when the index was made by other folding rules, or never (a database
    // from before the index existed). Serialised between server processes.
    static Result<void> ensureBuilt(Database &db);

    // The rows matching every word of `words` (from SearchText::queryWords) and `filter` (SQL over
    // search_entries `s`: entity, entity_id, org_id, course_id, module_id), best first.
    static Result<Page<SearchHit>> search(Transaction &tx, const QStringList &words,
                                          const RecordFilter &filter, int page, int limit);
};

// Keeps the index in step with every record written (SearchIndex::update, in the write's
// transaction): registered with the database at start-up (docs/architecture.md, "Storage and its
// observers").
class SearchIndexObserver final : public RecordObserver
{
public:
    Result<void> recordWritten(Transaction &tx, const EntitySpec &spec, const Record &before,
                               const Record &after) override
    {
        return SearchIndex::update(tx, spec, before, after);
    }
};

// Holds back the index updates of a transaction's writes and makes them together in flush(),
// for transactions that write many indexed records (a sync push). SQLite's FTS5 writes what it
// was told as a new segment of its index whenever a savepoint (a statement's own included) opens
// or closes, or a row older than the last one changes; indexing op by op inside a push's per-op
// savepoints made a segment per op, and merging them cost more with every op. flush() orders the
// work so that FTS5 writes a segment or two. Nothing may search the index before flush().
class SearchBatch
{
public:
    explicit SearchBatch(Transaction &tx);
    ~SearchBatch();
    Q_DISABLE_COPY_MOVE(SearchBatch)

    // For undoing what was held back since: a savepoint rolled back to.
    qsizetype mark() const { return m_pending.size(); }
    void rollbackTo(qsizetype mark);
    // Writes what was held back (each record once, as last written); later writes index at once.
    Result<void> flush();

private:
    friend class SearchIndex;
    struct Pending
    {
        const EntitySpec *spec;
        Record record;
    };
    Transaction &m_tx;
    QList<Pending> m_pending;
};

} // namespace Lectern::Server
