#include "searchindex.h"

#include "search/searchtext.h"

#include <algorithm>

namespace Lectern::Server {

namespace {
// Bump when SearchText's folding changes: the index is then rebuilt at start-up.
const QString indexVersion = QStringLiteral("1");
const QString versionKey = QStringLiteral("search_index_version");

struct Document
{
    QString title;     // shown in answers
    QString titleText; // indexed, weighted
    QString bodyText;
    QString courseId;
    QString moduleId;
};

Document documentOf(const EntitySpec &spec, const Record &record)
{
    Document doc;
    QStringList title;
    for (const QString &field : spec.search.titleFields)
        title.append(record.value(field).toString());
    doc.title = title.isEmpty() ? QString() : title.last();
    doc.titleText = title.join(u' ');
    doc.bodyText = record.value(spec.search.bodyField).toString();
    doc.courseId = spec.courseIdOf(record);
    if (!spec.search.moduleField.isEmpty())
        doc.moduleId = record.value(spec.search.moduleField).toString();
    return doc;
}

// Where a transaction keeps its SearchBatch (Transaction::attach).
const char batchKey = 0;

SearchBatch *batchOf(const Transaction &tx)
{
    return static_cast<SearchBatch *>(tx.attached(&batchKey));
}

// Folds `original`, keeping at most SearchText::maxIndexedLength folded characters (whole words)
// and the stretch of `original` they come from.
std::pair<QString, QString> indexed(const QString &original)
{
    SearchText::Folded folded = SearchText::fold(original);
    if (folded.text.size() <= SearchText::maxIndexedLength)
        return {original, folded.text};
    qsizetype cut = folded.text.lastIndexOf(u' ', SearchText::maxIndexedLength);
    if (cut <= 0)
        cut = SearchText::maxIndexedLength;
    return {original.left(folded.to.at(cut - 1)), folded.text.left(cut)};
}

QString fallbackSnippet(const QString &snippet)
{
    QString out = snippet.toHtmlEscaped();
    out.replace(SearchText::startMark, QStringLiteral("<mark>"));
    out.replace(SearchText::stopMark, QStringLiteral("</mark>"));
    return out;
}

QString chooseSnippet(const QString &titleSnippet, const QString &bodySnippet,
                      const QString &titleText, const QString &bodyText)
{
    const bool bodyMatched = bodySnippet.contains(SearchText::startMark);
    const bool titleMatched = titleSnippet.contains(SearchText::startMark);
    const bool useBody = bodyMatched || (!titleMatched && !bodySnippet.trimmed().isEmpty());
    const QString &snippet = useBody ? bodySnippet : titleSnippet;
    const QString presented = SearchText::present(snippet, useBody ? bodyText : titleText);
    return presented.isEmpty() ? fallbackSnippet(snippet) : presented;
}

// A row of search_entries with what FTS5 must be told to forget it.
struct Entry
{
    qint64 rowid = 0;
    QString titleFolded;
    QString bodyFolded;
};

Result<std::optional<Entry>> entryOf(Transaction &tx, const QString &entity, const QString &id)
{
    auto q = tx.query(QStringLiteral("SELECT id, title_folded, body_folded FROM search_entries"
                                     " WHERE entity = :entity AND entity_id = :id"));
    q.bind(QStringLiteral(":entity"), entity).bind(QStringLiteral(":id"), id);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return std::optional<Entry>();
    return std::optional<Entry>(Entry {q.int64(0), q.text(1), q.text(2)});
}

// The backend's own index (SqlDialect): after adding an entry or before removing one.
Result<void> tellIndex(Transaction &tx, const QStringList &statements, const Entry &entry)
{
    for (const QString &sql : statements) {
        auto q = tx.query(sql);
        q.bind(QStringLiteral(":rowid"), entry.rowid)
            .bind(QStringLiteral(":title_folded"), entry.titleFolded)
            .bind(QStringLiteral(":body_folded"), entry.bodyFolded);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Result<void> deleteEntry(Transaction &tx, qint64 rowid)
{
    auto q = tx.query(QStringLiteral("DELETE FROM search_entries WHERE id = :rowid"));
    q.bind(QStringLiteral(":rowid"), rowid);
    return q.exec();
}

Result<Entry> insertEntry(Transaction &tx, const EntitySpec &spec, const Record &record)
{
    const Document doc = documentOf(spec, record);
    const auto [titleText, titleFolded] = indexed(doc.titleText);
    const auto [bodyText, bodyFolded] = indexed(doc.bodyText);
    auto insert = tx.query(
        QStringLiteral(
            "INSERT INTO search_entries (entity, entity_id, org_id, course_id, module_id, title,"
            " title_text, body_text, title_folded, body_folded) VALUES (:entity, :id, :org,"
            " :course, :module, :title, :title_text, :body_text, :title_folded, :body_folded)")
        + tx.dialect().returningId(u"id"));
    insert.bind(QStringLiteral(":entity"), spec.name)
        .bind(QStringLiteral(":id"), record.value(u"id").toString())
        .bind(QStringLiteral(":org"), record.value(u"orgId").toString())
        .bind(QStringLiteral(":course"), doc.courseId)
        .bind(QStringLiteral(":module"), textOrNull(doc.moduleId))
        .bind(QStringLiteral(":title"), doc.title)
        .bind(QStringLiteral(":title_text"), titleText)
        .bind(QStringLiteral(":body_text"), bodyText)
        .bind(QStringLiteral(":title_folded"), titleFolded)
        .bind(QStringLiteral(":body_folded"), bodyFolded);
    if (auto r = insert.exec(); !r)
        return r.error();
    const std::optional<qint64> rowid = insert.insertedId();
    if (!rowid)
        return fail(ErrorCode::Internal, QStringLiteral("The search entry did not come back."));
    return Entry {*rowid, titleFolded, bodyFolded};
}
} // namespace

QJsonObject SearchHit::toJson() const
{
    QJsonObject json {{QStringLiteral("type"), type},         {QStringLiteral("id"), id},
                      {QStringLiteral("courseId"), courseId}, {QStringLiteral("title"), title},
                      {QStringLiteral("snippet"), snippet},   {QStringLiteral("rank"), rank}};
    if (!moduleId.isEmpty())
        json.insert(QStringLiteral("moduleId"), moduleId);
    return json;
}

bool SearchIndex::indexes(const EntitySpec &spec)
{
    return !spec.search.titleFields.isEmpty();
}

Result<void> SearchIndex::update(Transaction &tx, const EntitySpec &spec, const Record &record)
{
    if (!indexes(spec))
        return {};
    auto old = entryOf(tx, spec.name, record.value(u"id").toString());
    if (!old)
        return old.error();
    if (*old) {
        if (auto r = tellIndex(tx, tx.dialect().searchBeforeDelete(), **old); !r)
            return r;
        if (auto r = deleteEntry(tx, (*old)->rowid); !r)
            return r;
    }
    if (record.value(u"deleted").toBool())
        return {};
    auto added = insertEntry(tx, spec, record);
    if (!added)
        return added.error();
    return tellIndex(tx, tx.dialect().searchAfterInsert(), *added);
}

Result<void> SearchIndex::update(Transaction &tx, const EntitySpec &spec, const Record &before,
                                 const Record &after)
{
    if (!indexes(spec))
        return {};
    if (!before.isEmpty()) {
        const Document was = documentOf(spec, before);
        const Document now = documentOf(spec, after);
        if (was.title == now.title && was.titleText == now.titleText && was.bodyText == now.bodyText
            && was.courseId == now.courseId && was.moduleId == now.moduleId
            && before.value(u"id") == after.value(u"id")
            && before.value(u"orgId") == after.value(u"orgId")
            && before.value(u"deleted").toBool() == after.value(u"deleted").toBool())
            return {}; // the index holds this already
    }
    if (SearchBatch *batch = batchOf(tx)) {
        batch->m_pending.append({&spec, after});
        return {};
    }
    return update(tx, spec, after);
}

SearchBatch::SearchBatch(Transaction &tx)
    : m_tx(tx)
{
    tx.attach(&batchKey, this);
}

SearchBatch::~SearchBatch()
{
    if (batchOf(m_tx) == this)
        m_tx.detach(&batchKey);
}

void SearchBatch::rollbackTo(qsizetype mark)
{
    if (mark < m_pending.size())
        m_pending.resize(mark);
}

Result<void> SearchBatch::flush()
{
    if (batchOf(m_tx) == this)
        m_tx.detach(&batchKey);
    const QList<Pending> pending = std::exchange(m_pending, {});
    // Each record once, as last written.
    QHash<std::pair<QString, QString>, qsizetype> last;
    for (qsizetype i = 0; i < pending.size(); ++i)
        last.insert({pending.at(i).spec->name, pending.at(i).record.value(u"id").toString()}, i);
    QList<Entry> old;
    QList<qsizetype> added;
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const Pending &p = pending.at(i);
        const QString id = p.record.value(u"id").toString();
        if (last.value({p.spec->name, id}) != i)
            continue;
        auto entry = entryOf(m_tx, p.spec->name, id);
        if (!entry)
            return entry.error();
        if (*entry)
            old.append(**entry);
        if (!p.record.value(u"deleted").toBool())
            added.append(i);
    }
    // FTS5 keeps what it is told in memory until a row older than the last one it was told of,
    // or any statement that opens a statement savepoint (the AUTOINCREMENT insert below does):
    // then it writes a segment. So: forget the old rows in rowid order, change search_entries,
    // then tell it of the new rows (whose rowids are above all others) — a segment or two.
    std::sort(old.begin(), old.end(),
              [](const Entry &a, const Entry &b) { return a.rowid < b.rowid; });
    for (const Entry &entry : std::as_const(old)) {
        if (auto r = tellIndex(m_tx, m_tx.dialect().searchBeforeDelete(), entry); !r)
            return r;
    }
    for (const Entry &entry : std::as_const(old)) {
        if (auto r = deleteEntry(m_tx, entry.rowid); !r)
            return r;
    }
    QList<Entry> entries;
    entries.reserve(added.size());
    for (const qsizetype i : std::as_const(added)) {
        auto entry = insertEntry(m_tx, *pending.at(i).spec, pending.at(i).record);
        if (!entry)
            return entry.error();
        entries.append(*entry);
    }
    for (const Entry &entry : std::as_const(entries)) {
        if (auto r = tellIndex(m_tx, m_tx.dialect().searchAfterInsert(), entry); !r)
            return r;
    }
    return {};
}

Result<void> SearchIndex::ensureBuilt(Database &db)
{
    Transaction tx(db);
    if (!tx.isOk())
        return tx.error();
    if (const QString lock = tx.dialect().lockMigrations(); !lock.isEmpty()) {
        if (auto r = tx.query(lock).exec(); !r)
            return r;
    }
    auto version = tx.query(QStringLiteral("SELECT value FROM server_settings WHERE key = :key"));
    version.bind(QStringLiteral(":key"), versionKey);
    if (auto r = version.exec(); !r)
        return r;
    if (version.next() && version.text(0) == indexVersion)
        return tx.commit();

    for (const EntitySpec &spec : EntityRegistry::all()) {
        if (!indexes(spec))
            continue;
        QString after;
        for (;;) {
            // Tombstones too, so that anything indexed under other rules goes.
            RecordFilter batch;
            batch.includeDeleted = true;
            batch.add(QStringLiteral("id > :after")).bind(QStringLiteral(":after"), after);
            auto records = RecordStore::select(tx, spec, batch, QStringLiteral("id"), 200);
            if (!records)
                return records.error();
            for (const Record &record : std::as_const(*records)) {
                if (auto r = update(tx, spec, record); !r)
                    return r;
            }
            if (records->size() < 200)
                break;
            after = records->last().value(u"id").toString();
        }
    }
    auto store
        = tx.query(QStringLiteral("INSERT INTO server_settings (key, value) VALUES (:key, :value)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    store.bind(QStringLiteral(":key"), versionKey).bind(QStringLiteral(":value"), indexVersion);
    if (auto r = store.exec(); !r)
        return r;
    return tx.commit();
}

Result<Page<SearchHit>> SearchIndex::search(Transaction &tx, const QStringList &words,
                                            const RecordFilter &filter, int page, int limit)
{
    Page<SearchHit> result;
    result.page = page;
    result.limit = limit;
    if (words.isEmpty())
        return result;
    const SqlDialect &dialect = tx.dialect();
    const QString match = dialect.searchExpression(words);
    QString where = dialect.searchMatches();
    if (!filter.where.isEmpty())
        where += QStringLiteral(" AND (") + filter.where + u')';
    const auto bindAll = [&](SqlQuery &q) {
        q.bind(QStringLiteral(":match"), match);
        for (const auto &[placeholder, value] : filter.binds)
            q.bind(placeholder, value);
    };

    auto count = tx.query(QStringLiteral("SELECT COUNT(*) FROM ") + dialect.searchFrom()
                          + QStringLiteral(" WHERE ") + where);
    bindAll(count);
    if (auto r = count.exec(); !r)
        return r.error();
    count.next();
    result.total = count.int64(0);

    auto rows = tx.query(QStringLiteral("SELECT s.id, s.entity, s.entity_id, s.course_id,"
                                        " s.module_id, s.title, s.title_text, s.body_text, ")
                         + dialect.searchRank() + QStringLiteral(" AS score FROM ")
                         + dialect.searchFrom() + QStringLiteral(" WHERE ") + where
                         + QStringLiteral(" ORDER BY score DESC, s.id LIMIT %1 OFFSET %2")
                               .arg(limit)
                               .arg(qint64(page - 1) * limit));
    bindAll(rows);
    if (auto r = rows.exec(); !r)
        return r.error();
    QList<qint64> ids;
    QList<std::pair<QString, QString>> texts;
    while (rows.next()) {
        SearchHit hit;
        hit.type = rows.text(1);
        hit.id = rows.text(2);
        hit.courseId = rows.text(3);
        // The module a hit lies under (its own id, kept for a module, is not news).
        if (const EntitySpec *spec = EntityRegistry::find(hit.type);
            spec && spec->search.moduleField == spec->parentField)
            hit.moduleId = rows.text(4);
        hit.title = rows.text(5);
        hit.rank = rows.value(8).toDouble();
        ids.append(rows.int64(0));
        texts.append({rows.text(6), rows.text(7)});
        result.items.append(hit);
    }
    if (ids.isEmpty())
        return result;

    // Snippets for this page only: they are the costly part.
    auto snippets = tx.query(dialect.searchSnippets(ids));
    snippets.bind(QStringLiteral(":match"), match);
    if (auto r = snippets.exec(); !r)
        return r.error();
    while (snippets.next()) {
        const qsizetype at = ids.indexOf(snippets.int64(0));
        if (at < 0)
            continue;
        result.items[at].snippet = chooseSnippet(snippets.text(1), snippets.text(2),
                                                 texts.at(at).first, texts.at(at).second);
    }
    return result;
}

} // namespace Lectern::Server
