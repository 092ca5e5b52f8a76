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
</context>
<context>
    <name>Lectern::Client::AuthResponse</name>
    <message>
        <source>The server&apos;s sign-in answer is incomplete.</source>
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
        <source>Keep &amp;both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep their text, then a blank line, then yours</source>
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
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 — %3</source>
        <comment>kind of record · field — who changed it when</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their change, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s version, %1</source>
        <comment>%1: today at 14:05</comment>
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
        <source>Use the server&apos;s version</source>
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
        <source>You deleted it %1; someone else edited it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person deleted it %1; someone else edited it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You edited it %1; someone else deleted it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person edited it %1; someone else deleted it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed it %1; someone else %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person changed it %1; someone else %2</source>
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
</context>
<context>
    <name>Lectern::Client::FileTokenStore</name>
    <message>
        <source>Cannot write %1: %2</source>
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
        <source>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Learning that keeps working offline: study, write courses and grade on this computer, and Lectern syncs with your organization&apos;s server when it can.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
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
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
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
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
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
        <source>%n waiting</source>
        <comment>changes waiting to sync</comment>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
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
        <source>enrolment</source>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Lectern desktop: learn, author and grade, online or offline.</source>
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
