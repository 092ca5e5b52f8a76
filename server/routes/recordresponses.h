#pragma once

#include "core/listquery.h"
#include "http/apiresponse.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Responses every route over registry records gives the same way.
struct RecordResponses
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::RecordResponses)

public:
    static ApiResponse page(const Result<Page<Record>> &page)
    {
        if (!page)
            return ApiResponse::error(page.error());
        QJsonArray items;
        for (const Record &record : page->items)
            items.append(record);
        return ApiResponse::page(items, page->pagination());
    }

    // 201 when the record was made now, 200 when the same create came again.
    static ApiResponse created(const Result<std::pair<Record, bool>> &result)
    {
        if (!result)
            return ApiResponse::error(result.error());
        return ApiResponse::ok(result->first, result->second ? 201 : 200);
    }

    static ApiResponse deleted(const Result<void> &result)
    {
        if (!result)
            return ApiResponse::error(result.error());
        return ApiResponse::ok(QJsonValue(), 200, tr("Deleted."));
    }

    static QJsonObject asJson(const QJsonObject &object) { return object; }
};

} // namespace Lectern::Server
