#pragma once

#include "core/listquery.h"
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
// by RecordStore in the transaction of every write, and queried with SQL that differs between the
// backends only through SqlDialect.
class SearchIndex
{
public:
    // Whether records of `spec` are indexed.
    static bool indexes(const EntitySpec &spec);
    // Brings the index in line with `record` as just written (a tombstone leaves it out).
    static Result<void> update(Transaction &tx, const EntitySpec &spec, const Record &record);
    // Indexes every record when the index was made by other folding rules, or never (a database
    // from before the index existed). Serialised between server processes.
    static Result<void> ensureBuilt(Database &db);

    // The rows matching every word of `words` (from SearchText::queryWords) and `filter` (SQL over
    // search_entries `s`: entity, entity_id, org_id, course_id, module_id), best first.
    static Result<Page<SearchHit>> search(Transaction &tx, const QStringList &words,
                                          const RecordFilter &filter, int page, int limit);
};

} // namespace Lectern::Server
