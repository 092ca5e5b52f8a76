<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Lectern::Client::ApiClient</name>
    <message>
        <source>The server gave an answer that Lectern does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::AppController</name>
    <message>
        <source>Logging in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You logged out with %Ln change(s) not sent to the server yet. They are kept on this computer and sent when you next log in with this account.</source>
        <translation>
            <numerusform>You logged out with %Ln change not sent to the server yet. It is kept on this computer and sent when you next log in with this account.</numerusform>
            <numerusform>You logged out with %Ln changes not sent to the server yet. They are kept on this computer and sent when you next log in with this account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::AuthResponse</name>
    <message>
        <source>The server&apos;s sign-in answer is incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::AuthorWorkspace</name>
    <message>
        <source>&amp;New course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a draft copy of the course with its modules and items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view as student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, code, description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search courses (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No courses yet — create your first course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A course holds modules of lessons, links, videos and files. It stays a draft until you publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a course on the left to write its outline and lessons and change its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course was removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (%1) and Redo (%2) take it back and forth; it comes back as a draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the course a draft again: learners no longer see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the course&apos;s learners see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the course back as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No course has this status and term.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1” with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the course “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” with its modules and items?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its learners lose access to it. Undo (%1) brings back its outline and lessons as a draft, but not its class list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the course: it stays readable, nobody can enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the course list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ClassListModel</name>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>Hours and minutes spent, e.g. &quot;1 h 5 min&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last active: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course is full: this student gets a seat when one frees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled through a cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <comment>percent, items done</comment>
        <extracomment>A student&apos;s progress in the class list: percent, then items done of items counted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ClassListPane</name>
    <message>
        <source>Make student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make teaching assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, email, role or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the class list from the server again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching this course: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people are now: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enroll…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unenroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class list as of %1 — connect to change enrollments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is enrolled yet. Enroll students or a cohort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The class list cannot be shown: the server cannot be reached and this computer has no copy of it yet. Connect to see and change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — connect to change enrollments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the course&apos;s instructors and administrators can change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left the course. Enroll them again to bring them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 people left the course. Enroll them again to bring them back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictInbox</name>
    <message>
        <source>Conflicts — Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. Everything you and others changed has merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version both changes started from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the text to keep. Where both sides changed the same lines, both are shown between &lt;&lt;&lt;&lt;&lt;&lt;&lt; mine, ======= and &gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs lines: keep what you want and remove those marker lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save and resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit merged…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the text to keep, starting from both versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) to resolve</source>
        <translation>
            <numerusform>%Ln conflict to resolve</numerusform>
            <numerusform>%Ln conflicts to resolve</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 — %3</source>
        <comment>kind of record · field — who changed it when</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was deleted on one side and edited on the other. Keep mine deletes it; keep theirs keeps the edited %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it, with their edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 was edited on one side and deleted on the other. Keep mine keeps the edited %1; keep theirs deletes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it, with your edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed the same lines. Added lines are green; removed lines are red and struck out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed this to different values. Choose the one to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text still has conflict marker lines (&lt;&lt;&lt;&lt;&lt;&lt;&lt;, =======, &gt;&gt;&gt;&gt;&gt;&gt;&gt;). Remove them, keeping the lines you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;both…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both versions of the lines you both changed, each labelled, and merge the rest; shows the result before saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <comment>%1: a name, %2: today at 14:05</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the version by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This is the %1 as it will be saved: %n passage(s) you both changed appear twice, each under a [[ Version by … ]] label; everything else is merged and appears once. Tidy it here or later: keep what you want and delete the [[ ]] lines.</source>
        <translation>
            <numerusform>This is the %1 as it will be saved: %n passage you both changed appears twice, each version under a [[ Version by … ]] label; everything else is merged and appears once. Tidy it here or later: keep what you want and delete the [[ ]] lines.</numerusform>
            <numerusform>This is the %1 as it will be saved: %n passages you both changed appear twice, each version under a [[ Version by … ]] label; everything else is merged and appears once. Tidy it here or later: keep what you want and delete the [[ ]] lines.</numerusform>
        </translation>
    </message>
    <message>
        <source>This %1 is published: learners see the saved text, labels included, until it is tidied. Until you save, they see the version on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save both versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until it is resolved, everyone sees your version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until it is resolved, everyone sees the version by %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictItemDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>field · who changed it when</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictListModel</name>
    <message>
        <source>%1 — %2</source>
        <comment>record title — field</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete or keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflict is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between the deleted and the edited version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both versions can be kept only for text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You deleted it %1; %2 edited it %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You edited it %1; %2 deleted it %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed it %1; %2 changed it %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted it %2; %3 edited it %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 edited it %2; %3 deleted it %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed it %2; %3 changed it %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[[ Version by %1 ]]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[[ Version by %1, %2 ]]</source>
        <comment>%1: a name, %2: a date and time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[[ End of both versions: keep what you want and delete the [[ ]] lines ]]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ContentItemDialog</name>
    <message>
        <source>Add a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://video.example.org/watch/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no files yet. Add them in the Files tab first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the address of the page, starting with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address. It should start with https:// (or http://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is longer than 2,000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseCardDelegate</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percent complete</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseFilesModel</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A teaching assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued to download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>who, when</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseForm</name>
    <message>
        <source>Set or clear this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. CS101</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required, e.g. Introduction to programming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Autumn 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short and unique in its term; learners see it next to the title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;erm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Introductory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;redits:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What learners will find in this course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;oses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Students can be enrolled between these times; staff at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Seats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When every seat is taken, new students join a waiting list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <comment>a field&apos;s name, then what is wrong with it (is required)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment closing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseListModel</name>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>course title, code and term, status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>course code · term</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseOutlinePage</name>
    <message>
        <source>Add &amp;module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add li&amp;nk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up (%1). The first item of a module goes to the end of the module above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down (%1). The last item of a module goes to the start of the module below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published: learners can see it (Space in the outline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When learners can open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;address…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to reorder, or %1 / %2 · F2 renames · Space publishes · Delete removes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no modules yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules hold the course&apos;s lessons, links, videos and files, in the order learners meet them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a lesson to write it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or select a module or an item to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the module “%1” and the %n items in it?</source>
        <translation>
            <numerusform>Remove the module “%1” and the item in it?</numerusform>
            <numerusform>Remove the module “%1” and the %n items in it?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected records?</source>
        <translation>
            <numerusform>Remove the selected record?</numerusform>
            <numerusform>Remove the %n selected records?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners will no longer see it. You can undo this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Publish %n records</source>
        <translation>
            <numerusform>Publish %n record</numerusform>
            <numerusform>Publish %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpublish %n records</source>
        <translation>
            <numerusform>Unpublish %n record</numerusform>
            <numerusform>Unpublish %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a module first</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not published: only staff can see it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CoursePlayer</name>
    <message>
        <source>Course outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to your courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview — your progress is not recorded. You see this course as a student does: only what is published and released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous item (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next item (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item opens on %1. Come back then: it unlocks by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n min</source>
        <comment>type and length</comment>
        <translation>
            <numerusform>%1 · %n min</numerusform>
            <numerusform>%1 · %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>file name (size)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens with this computer&apos;s viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files cannot be opened here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes cannot be taken in this version of Lectern yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments cannot be submitted in this version of Lectern yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an item from the outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no lessons yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this course&apos;s offline copy? This frees %1. You can download it again when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course&apos;s files are on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps every file of this course on this computer, to study without a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 spent</source>
        <comment>items done, time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course progress: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous: %1 (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preview records no progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You completed this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this item as done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no files to download: everything in it is on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseRules</name>
    <message>
        <source>must not be before the start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be before the course ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already used by another course without a term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already used in this term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be after enrollment opens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseSettingsPage</name>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changed settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course changed meanwhile. Save to keep your changes, or revert to see the course as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes are saved on this computer and synced when it is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the settings of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::DashboardModel</name>
    <message>
        <source>%1, preview as a student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2% complete</source>
        <comment>course title, percent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>code — title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview as a student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <comment>short for: preview as a student</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed — well done!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to study yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You teach this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You assist in this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You administer this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lessons yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… %1 of %2 — Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading… — Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 spent</source>
        <comment>items done, time spent</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::DashboardPage</name>
    <message>
        <source>My courses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet. The courses below are ones you teach, assist in or manage: preview them as a student.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up where you left off. Everything here also works offline; your progress syncs when you are back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent announcements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No announcements yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News from your instructors will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview as a student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the offline copy of “%1”? This frees %2. You can download it again when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an instructor enrolls you in a course, it appears here, ready to study online or offline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::EnrollDialog</name>
    <message>
        <source>Enroll in this course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people by name or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit (follows the course without taking a seat&apos;s credit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enroll even if enrollment is closed or the course is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructors of the course and administrators may enroll outside the enrollment window and beyond the course&apos;s maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(in the class list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in your organisation matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 members)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organisation has no cohorts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course is archived, so nobody can be enrolled as a student.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment in this course opens on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment in this course closed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment in this course is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructors and administrators can still enroll students: tick “Enroll even if enrollment is closed or the course is full”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course is full (at most %1 students). Put the student on the waitlist, raise the course&apos;s maximum, or enroll anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the course&apos;s instructors and administrators can change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course or the person is no longer there, or you can no longer see it. Refresh the class list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Connect to change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to change enrollments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody was enrolled: the cohort has no members yet. People who join it later are enrolled then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled one person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled %1 people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course is full, so this student is on the waitlist. They get a seat as soon as one frees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled %1 people. The course is full, so %2 of them are on the waitlist and get a seat as soon as one frees.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ErrorMessages</name>
    <message>
        <source>The email or password is incorrect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n minute.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is suspended. Contact your organization&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the email address and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 does not look like a Lectern server. Check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot log you in right now. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a server address such as https://lectern.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended — log in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::FileTokenStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::FileTransfers</name>
    <message>
        <source>Files can be attached once you are logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file that can be uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer be read (%2). Attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large: the server takes files of up to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: its content (%2) does not match its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: the server cannot tell what kind of file it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: files of this type (%2) cannot be uploaded here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: you may not add files to this course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: the course is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to log in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 arrived damaged. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer on the server, or you may no longer open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can be deleted once the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not delete %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::FilesPane</name>
    <message>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload files to the course (or drop them here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep every file of the course on this computer, to use offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the course&apos;s files from this computer to free the space (they stay on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No files yet.
Drop files here, or choose “Attach files…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files could not be downloaded. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these %1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the course? Lessons that show or link to it will no longer find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download all (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the course…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files on this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LearnFormat</name>
    <message>
        <source>Opens %1</source>
        <comment>%1: a date and time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no time yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>hours</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>hours and minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download for offline use (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download for offline use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove download (frees %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n required done</source>
        <comment>items done</comment>
        <translation>
            <numerusform>%1 of %n required done</numerusform>
            <numerusform>%1 of %n required done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n done</source>
        <comment>items done</comment>
        <translation>
            <numerusform>%1 of %n done</numerusform>
            <numerusform>%1 of %n done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LessonBrowser</name>
    <message>
        <source>This image cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not available offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LessonEditor</name>
    <message>
        <source>Lesson title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the lesson in Markdown: # for a heading, ** for bold, - for a list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson text (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a lesson in the outline to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading: # at the start of the line (again for a smaller one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bold text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>italic text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>| Column 1 | Column 2 |
| --- | --- |
| Cell | Cell |
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image of or link to one of the course&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload a file to the course and link to it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This lesson no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words: %1 · Reading time: %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved offline — will sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are on this computer and go to the server as soon as it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a course file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This course has no files yet. Attach some in the Files tab or with “Attach…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the conflict inbox at this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change met a change by %1 to the same lines. The lesson shows %1&apos;s version for now; yours is kept in the conflict inbox, nothing is lost. Choose what to keep there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed the same lines as you. The lesson keeps your version until the conflict is resolved; theirs is in the conflict inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two people changed the same lines of this lesson. It shows %1&apos;s version until the conflict is resolved; the other is in the conflict inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lesson as learners see it; again to write</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LocalStore</name>
    <message>
        <source>The offline copy on this computer could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lectern does not know records of the kind &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This can only be changed while connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline copy on this computer is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A record with this id exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records are kept as they were made and cannot be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records of the kind &quot;%1&quot; are created, not appended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LoginDialog</name>
    <message>
        <source>Log in to Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the account your organization gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::MainWindow</name>
    <message>
        <source>Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Lectern</source>
        <comment>window title: organization name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1. Your work is kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the connection to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Learning that keeps working offline: write courses and study them on this computer, and Lectern syncs with your organization&apos;s server when it can.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between role names</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline — last connected at %1</source>
        <comment>%1: a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline — last connected yesterday at %1</source>
        <comment>%1: a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline — last connected on %1</source>
        <comment>%1: a date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::NewCourseDialog</name>
    <message>
        <source>New course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course starts as a draft that only its staff can see. You can change all of this later in its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create course</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineDelegate</name>
    <message>
        <source>d MMM</source>
        <comment>unlock date format without the year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocks %1 %2</source>
        <comment>date, time</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineModel</name>
    <message>
        <source>The title %1.</source>
        <comment>the title must not be empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is no longer in the outline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That module is no longer in this course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no room left at this place in the outline. Sync, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · published: learners can see it</source>
        <comment>type of record · published</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · not published: only staff can see it</source>
        <comment>type of record · not published</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocks %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address %1.</source>
        <comment>the address must be at most 2000 characters</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpublish “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the unlock date of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the unlock date of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the address of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n records</source>
        <translation>
            <numerusform>Remove %n record</numerusform>
            <numerusform>Remove %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add module “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 “%2”</source>
        <comment>add lesson “Intro”</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n records</source>
        <translation>
            <numerusform>Move %n record</numerusform>
            <numerusform>Move %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>Has a conflict: two people changed the same thing. Open it to resolve it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineView</name>
    <message>
        <source>Course outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::PlayerOutlineModel</name>
    <message>
        <source>Nothing here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, locked, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n min</source>
        <comment>type and length</comment>
        <translation>
            <numerusform>%1 · %n min</numerusform>
            <numerusform>%1 · %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Optional · %n item(s)</source>
        <comment>a module none of whose items is required</comment>
        <translation>
            <numerusform>Optional · %n item</numerusform>
            <numerusform>Optional · %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · optional</source>
        <comment>an item that does not count towards progress</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ProfileCache</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::RecordTree</name>
    <message>
        <source>Copy of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::RefusedChangesModel</name>
    <message>
        <source>%1 — %2</source>
        <comment>record title — what was refused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change is no longer in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your new %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your deletion of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your erasure of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your change of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your change of %1</source>
        <comment>%1: field names</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::RefusedChangesView</name>
    <message>
        <source>Refused changes — Lectern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept these changes. What you wrote is kept here: copy it to use it again, then dismiss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it from this list. Copy what you need first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No refused changes. The server accepted everything you sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, refused %2</source>
        <comment>%1: your change of Title, %2: today at 14:05</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Session</name>
    <message>
        <source>You are not logged in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncEngine</name>
    <message>
        <source>The server did not answer for the changes sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent changes Lectern does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the session to be renewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Your changes are kept on this computer and will be sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy. Lectern will try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has a problem (HTTP %1). Lectern will try again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an answer Lectern does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the conflict inbox: choose which version to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused: your text is kept so that you can copy it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and fetch others&apos; changes now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session ended. Your changes are kept and sent after you log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your changes and fetching others&apos; changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected: changes sync as you make them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: your changes are kept on this computer and sync when the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not received yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <comment>%1: date and time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has not synced with the server yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln change waiting to sync</numerusform>
            <numerusform>%Ln changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <comment>%1: just now, 3 minutes ago, yesterday...</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <comment>changes waiting to sync</comment>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) sent</source>
        <translation>
            <numerusform>%Ln change sent</numerusform>
            <numerusform>%Ln changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln merged</source>
        <comment>changes merged with others&apos; changes</comment>
        <translation>
            <numerusform>%Ln merged</numerusform>
            <numerusform>%Ln merged</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a sync report</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncMark</name>
    <message>
        <source>Changed on this computer; not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncWords</name>
    <message>
        <source>course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enrollment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocks on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field name before its value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a field name and its value</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at %1</source>
        <comment>%1: a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <comment>%1: a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <comment>%1: a date, %2: a time of day</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>%1: a date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to make this change. Ask the course&apos;s instructor if you think you should be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record no longer exists on the server, or you can no longer see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this kind of record. It may run an older version of Lectern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This can only be changed while connected to the server, not through sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the values you entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server already has a record with this identity, so it was not created again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another record already uses these values (for example the same course code and term).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is kept as it was made and cannot be changed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::UnlockDateDialog</name>
    <message>
        <source>&amp;No unlock date: open as soon as it is published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlocks on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When can learners open “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock date and time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Workspaces</name>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your courses will appear here, ready to study online or offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courses, lessons and quizzes you create and edit will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submissions and quiz attempts waiting for your grading will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People, roles, cohorts and your organization&apos;s settings will be managed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::EntitySpec</name>
    <message>
        <source>is not a known field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a time such as 2026-11-21T09:30:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date such as 2026-11-21</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an order key (digits and letters, not ending in 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 64 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 2 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a web address starting with https:// or http://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::JsonFields</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Aiken</name>
    <message>
        <source>The question that starts here has no &quot;ANSWER:&quot; line before line %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ANSWER:&quot; without a question before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question needs at least two options, &quot;A) ...&quot; and &quot;B) ...&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;ANSWER: %1&quot; names no option of the question; its options are %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Cloze</name>
    <message>
        <source>&quot;%1&quot; is not closed with &quot;}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not written {weight:TYPE:answers}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a type of embedded answer (such as SHORTANSWER, NUMERICAL or MULTICHOICE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer of &quot;%1&quot; has full credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit %1 in &quot;%2&quot; is not between -100% and 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a number or a number:tolerance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Gift</name>
    <message>
        <source>The braces around the answers do not match: a { without its }, or the other way round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A multiple-choice question needs at least two answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer&apos;s weight must be a percentage from -100 to 100, such as %50%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A matching question needs at least two pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each pair of a matching question is written &quot;=question -&gt; answer&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short-answer question needs at least one answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A numerical question needs at least one number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number, a number:tolerance or a min..max range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Grading</name>
    <message>
        <source>No number was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::MoodleXml</name>
    <message>
        <source>This is not a Moodle XML file: it starts with &lt;%1&gt; instead of &lt;quiz&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A category question has no category path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question has no type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question has the type &quot;%1&quot;, which cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has the type &quot;%2&quot;, which cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A question has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has a default grade that is not a number: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matching question &quot;%1&quot; has no subquestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer whose grade is not a percentage: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer graded %2%, outside -100% to 100%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer whose tolerance is not a number: &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Role</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::Sync</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid HLC timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of create, update, delete, purge, append</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be null or a whole number of 0 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object with &quot;old&quot; and &quot;new&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must hold at least one operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must hold at most %n operations</source>
        <translation>
            <numerusform>must hold at most %n operation</numerusform>
            <numerusform>must hold at most %n operations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Validation</name>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>is not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at least %n characters</source>
        <translation>
            <numerusform>must be at least %n character</numerusform>
            <numerusform>must be at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must be 2 to 63 lower-case letters, digits or inner hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be valid Unicode text (it has a lone surrogate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain NUL characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a language tag such as en or fr-CA</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lectern::ValidationErrors</name>
    <message>
        <source>Some fields are not valid: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a language tag such as en or fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an IANA time zone such as Europe/Paris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lectern desktop: author courses and learn, online or offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lectern server to connect to (default: the last one used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for settings, tokens and offline data (portable use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a server address: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
