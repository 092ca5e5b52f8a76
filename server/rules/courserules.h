#pragma once

#include "rules/recordrules.h"

namespace Lectern::Server {

// A course: made by instructors and administrators, who then teach it; published, archived and
// deleted by its owners (its instructors and the organisation's administrators); edited by its
// teaching assistants too. More seats move its waitlist up. docs/architecture.md,
// "The rules layer".
class CourseRules : public RecordRules
{
public:
    CourseRules();

    Result<void> prepareCreate(RuleContext &context, QJsonObject &values,
                               const QJsonValue &position) const override;
    Result<void> afterCreate(RuleContext &context, const Record &made) const override;
    Result<void> mayChangeField(RuleContext &context, const Record &current,
                                const CourseAccess &access, const FieldSpec &field) const override;
    Result<void> afterUpdate(RuleContext &context, const Record &before,
                             const Record &after) const override;
    Result<void> mayDelete(RuleContext &context, const Record &current,
                           const CourseAccess &access) const override;
    bool revivable() const override { return false; }

    // Whether the caller may publish or archive the course (its `status`): its owners.
    static Result<void> mayChangeStatus(const CourseAccess &access);
};

} // namespace Lectern::Server
