<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Lectern::Client::ApiClient</name>
    <message>
        <source>The server gave an answer that Lectern does not understand.</source>
        <translation>Le serveur a donné une réponse que Lectern ne comprend pas.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1.</source>
        <translation>Impossible de joindre le serveur %1.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::AppController</name>
    <message>
        <source>Logging in as %1…</source>
        <translation>Connexion en tant que %1…</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::AuthResponse</name>
    <message>
        <source>The server&apos;s sign-in answer is incomplete.</source>
        <translation>La réponse de connexion du serveur est incomplète.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictInbox</name>
    <message>
        <source>Conflicts — Lectern</source>
        <translation>Conflits — Lectern</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>No conflicts. Everything you and others changed has merged.</source>
        <translation>Aucun conflit. Tout ce que vous et les autres avez modifié a été fusionné.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>The version both changes started from</source>
        <translation>La version dont partaient les deux modifications</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Ma version</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Leur version</translation>
    </message>
    <message>
        <source>Edit the text to keep. Where both sides changed the same lines, both are shown between &lt;&lt;&lt;&lt;&lt;&lt;&lt; mine, ======= and &gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs lines: keep what you want and remove those marker lines.</source>
        <translation>Modifiez le texte à garder. Là où les deux côtés ont modifié les mêmes lignes, les deux versions figurent entre des lignes &lt;&lt;&lt;&lt;&lt;&lt;&lt; mine, ======= et &gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs&#xa0;: gardez ce que vous voulez et supprimez ces lignes de marquage.</translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation>Texte fusionné</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Save and resolve</source>
        <translation>&amp;Enregistrer et résoudre</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder &amp;ma version</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder &amp;leur version</translation>
    </message>
    <message>
        <source>Keep &amp;both</source>
        <translation>Garder les &amp;deux</translation>
    </message>
    <message>
        <source>Keep their text, then a blank line, then yours</source>
        <translation>Garder leur texte, puis une ligne vide, puis le vôtre</translation>
    </message>
    <message>
        <source>&amp;Edit merged…</source>
        <translation>Modifi&amp;er la fusion…</translation>
    </message>
    <message>
        <source>Write the text to keep, starting from both versions</source>
        <translation>Rédiger le texte à garder à partir des deux versions</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflit à résoudre</numerusform>
            <numerusform>%n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 — %3</source>
        <comment>kind of record · field — who changed it when</comment>
        <translation>%1 · %2 — %3</translation>
    </message>
    <message>
        <source>Your change, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation>Votre modification, %1</translation>
    </message>
    <message>
        <source>Their change, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation>Leur modification, %1</translation>
    </message>
    <message>
        <source>The server&apos;s version, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation>La version du serveur, %1</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>This %1 was deleted on one side and edited on the other. Keep mine deletes it; keep theirs keeps the edited %1.</source>
        <translation>Cet élément (%1) a été supprimé d’un côté et modifié de l’autre. «&#xa0;Garder ma version&#xa0;» le supprime&#xa0;; «&#xa0;Garder leur version&#xa0;» garde la version modifiée.</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>Le supprimer</translation>
    </message>
    <message>
        <source>Keep it, with their edits</source>
        <translation>Le garder, avec leurs modifications</translation>
    </message>
    <message>
        <source>This %1 was edited on one side and deleted on the other. Keep mine keeps the edited %1; keep theirs deletes it.</source>
        <translation>Cet élément (%1) a été modifié d’un côté et supprimé de l’autre. «&#xa0;Garder ma version&#xa0;» garde la version modifiée&#xa0;; «&#xa0;Garder leur version&#xa0;» le supprime.</translation>
    </message>
    <message>
        <source>Keep it, with your edits</source>
        <translation>Le garder, avec vos modifications</translation>
    </message>
    <message>
        <source>Use your version</source>
        <translation>Utiliser votre version</translation>
    </message>
    <message>
        <source>Use the server&apos;s version</source>
        <translation>Utiliser la version du serveur</translation>
    </message>
    <message>
        <source>Both sides changed the same lines. Added lines are green; removed lines are red and struck out.</source>
        <translation>Les deux côtés ont modifié les mêmes lignes. Les lignes ajoutées sont en vert&#xa0;; les lignes retirées sont en rouge et barrées.</translation>
    </message>
    <message>
        <source>Both sides changed this to different values. Choose the one to keep.</source>
        <translation>Les deux côtés ont donné des valeurs différentes. Choisissez celle à garder.</translation>
    </message>
    <message>
        <source>The text still has conflict marker lines (&lt;&lt;&lt;&lt;&lt;&lt;&lt;, =======, &gt;&gt;&gt;&gt;&gt;&gt;&gt;). Remove them, keeping the lines you want.</source>
        <translation>Le texte contient encore des lignes de marquage de conflit (&lt;&lt;&lt;&lt;&lt;&lt;&lt;, =======, &gt;&gt;&gt;&gt;&gt;&gt;&gt;). Supprimez-les en gardant les lignes voulues.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictItemDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>field · who changed it when</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ConflictListModel</name>
    <message>
        <source>%1 — %2</source>
        <comment>record title — field</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Delete or keep</source>
        <translation>Supprimer ou garder</translation>
    </message>
    <message>
        <source>You deleted it %1; someone else edited it %2</source>
        <translation>Votre suppression %1&#xa0;; une modification %2</translation>
    </message>
    <message>
        <source>One person deleted it %1; someone else edited it %2</source>
        <translation>Une suppression %1&#xa0;; une modification %2</translation>
    </message>
    <message>
        <source>You edited it %1; someone else deleted it %2</source>
        <translation>Votre modification %1&#xa0;; une suppression %2</translation>
    </message>
    <message>
        <source>One person edited it %1; someone else deleted it %2</source>
        <translation>Une modification %1&#xa0;; une suppression %2</translation>
    </message>
    <message>
        <source>You changed it %1; someone else %2</source>
        <translation>Votre modification %1&#xa0;; une autre %2</translation>
    </message>
    <message>
        <source>One person changed it %1; someone else %2</source>
        <translation>Une modification %1&#xa0;; une autre %2</translation>
    </message>
    <message>
        <source>This conflict is no longer open.</source>
        <translation>Ce conflit n’est plus ouvert.</translation>
    </message>
    <message>
        <source>Choose between the deleted and the edited version.</source>
        <translation>Choisissez entre la suppression et la version modifiée.</translation>
    </message>
    <message>
        <source>Both versions can be kept only for text.</source>
        <translation>Seul un texte permet de garder les deux versions.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ErrorMessages</name>
    <message>
        <source>The email or password is incorrect.</source>
        <translation>L’adresse e-mail ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1. Check the address and your connection.</source>
        <translation>Impossible de joindre le serveur %1. Vérifiez l’adresse et votre connexion.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Trop de tentatives infructueuses. Réessayez dans %n minute.</numerusform>
            <numerusform>Trop de tentatives infructueuses. Réessayez dans %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is suspended. Contact your organization&apos;s administrator.</source>
        <translation>Ce compte est suspendu. Contactez l’administrateur de votre organisation.</translation>
    </message>
    <message>
        <source>Enter a valid email address.</source>
        <translation>Saisissez une adresse e-mail valide.</translation>
    </message>
    <message>
        <source>Check the email address and password.</source>
        <translation>Vérifiez l’adresse e-mail et le mot de passe.</translation>
    </message>
    <message>
        <source>The server at %1 does not look like a Lectern server. Check the address.</source>
        <translation>Le serveur %1 ne semble pas être un serveur Lectern. Vérifiez l’adresse.</translation>
    </message>
    <message>
        <source>The server cannot log you in right now. Try again in a few minutes.</source>
        <translation>Le serveur ne peut pas vous connecter pour le moment. Réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Logging in failed (%1).</source>
        <translation>La connexion a échoué (%1).</translation>
    </message>
    <message>
        <source>Enter a server address such as https://lectern.example.org.</source>
        <translation>Saisissez l’adresse d’un serveur, par exemple https://lectern.example.org.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Votre session a expiré. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your session has ended — log in again to sync.</source>
        <translation>Votre session a expiré — reconnectez-vous pour synchroniser.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::FileTokenStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LocalStore</name>
    <message>
        <source>The offline copy on this computer could not be updated: %1</source>
        <translation>La copie hors ligne sur cet ordinateur n’a pas pu être mise à jour : %1</translation>
    </message>
    <message>
        <source>Lectern does not know records of the kind &quot;%1&quot;.</source>
        <translation>Lectern ne connaît pas les enregistrements de type « %1 ».</translation>
    </message>
    <message>
        <source>This can only be changed while connected to the server.</source>
        <translation>Cela ne peut être modifié qu’en étant connecté au serveur.</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <source>The offline copy on this computer is not open.</source>
        <translation>La copie hors ligne sur cet ordinateur n’est pas ouverte.</translation>
    </message>
    <message>
        <source>A record with this id exists already.</source>
        <translation>Un enregistrement avec cet identifiant existe déjà.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Cet enregistrement n’existe plus.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LoginDialog</name>
    <message>
        <source>Log in to Lectern</source>
        <translation>Connexion à Lectern</translation>
    </message>
    <message>
        <source>Use the account your organization gave you.</source>
        <translation>Utilisez le compte fourni par votre organisation.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>vous@exemple.fr</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Login problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::MainWindow</name>
    <message>
        <source>Lectern</source>
        <translation>Lectern</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Espaces de travail</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Lectern</source>
        <translation>À &amp;propos de Lectern</translation>
    </message>
    <message>
        <source>%1 — Lectern</source>
        <comment>window title: organization name</comment>
        <translation>%1 — Lectern</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Cannot reach %1. Your work is kept on this computer.</source>
        <translation>Impossible de joindre %1. Votre travail est conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Checking the connection to %1.</source>
        <translation>Vérification de la connexion à %1.</translation>
    </message>
    <message>
        <source>About Lectern</source>
        <translation>À propos de Lectern</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Learning that keeps working offline: study, write courses and grade on this computer, and Lectern syncs with your organization&apos;s server when it can.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Un apprentissage qui continue hors ligne&#xa0;: étudiez, rédigez des cours et corrigez sur cet ordinateur, et Lectern se synchronise avec le serveur de votre organisation dès qu’il le peut.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between role names</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Session expirée</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Travail hors ligne</translation>
    </message>
    <message>
        <source>Working offline — last connected at %1</source>
        <comment>%1: a time of day</comment>
        <translation>Travail hors ligne — dernière connexion à %1</translation>
    </message>
    <message>
        <source>Working offline — last connected yesterday at %1</source>
        <comment>%1: a time of day</comment>
        <translation>Travail hors ligne — dernière connexion hier à %1</translation>
    </message>
    <message>
        <source>Working offline — last connected on %1</source>
        <comment>%1: a date</comment>
        <translation>Travail hors ligne — dernière connexion le %1</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineModel</name>
    <message>
        <source>The title %1.</source>
        <comment>the title must not be empty</comment>
        <translation>Le titre %1.</translation>
    </message>
    <message>
        <source>This item is no longer in the outline.</source>
        <translation>Cet élément ne figure plus dans le plan.</translation>
    </message>
    <message>
        <source>That module is no longer in this course.</source>
        <translation>Ce module ne fait plus partie de ce cours.</translation>
    </message>
    <message>
        <source>There is no room left at this place in the outline. Sync, then try again.</source>
        <translation>Il n’y a plus de place à cet endroit du plan. Synchronisez, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ProfileCache</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Impossible de supprimer %1.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::RefusedChangesModel</name>
    <message>
        <source>%1 — %2</source>
        <comment>record title — what was refused</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This change is no longer in the list.</source>
        <translation>Cette modification n’est plus dans la liste.</translation>
    </message>
    <message>
        <source>your new %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation>votre ajout (%1)</translation>
    </message>
    <message>
        <source>your deletion of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation>votre suppression (%1)</translation>
    </message>
    <message>
        <source>your erasure of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation>votre effacement (%1)</translation>
    </message>
    <message>
        <source>your change of this %1</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation>votre modification (%1)</translation>
    </message>
    <message>
        <source>your change of %1</source>
        <comment>%1: field names</comment>
        <translation>votre modification (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::RefusedChangesView</name>
    <message>
        <source>Refused changes — Lectern</source>
        <translation>Modifications refusées — Lectern</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Modifications refusées</translation>
    </message>
    <message>
        <source>The server did not accept these changes. What you wrote is kept here: copy it to use it again, then dismiss it.</source>
        <translation>Le serveur n’a pas accepté ces modifications. Ce que vous avez écrit est conservé ici&#xa0;: copiez-le pour le réutiliser, puis retirez-le de la liste.</translation>
    </message>
    <message>
        <source>What you wrote</source>
        <translation>Ce que vous avez écrit</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>&amp;Copier dans le presse-papiers</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove it from this list. Copy what you need first.</source>
        <translation>Le retirer de cette liste. Copiez d’abord ce dont vous avez besoin.</translation>
    </message>
    <message>
        <source>No refused changes. The server accepted everything you sent.</source>
        <translation>Aucune modification refusée. Le serveur a accepté tout ce que vous avez envoyé.</translation>
    </message>
    <message>
        <source>%1, refused %2</source>
        <comment>%1: your change of Title, %2: today at 14:05</comment>
        <translation>%1, refusée %2</translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation>Le serveur a répondu&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copié.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Session</name>
    <message>
        <source>You are not logged in.</source>
        <translation>Vous n’êtes pas connecté.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncEngine</name>
    <message>
        <source>The server did not answer for the changes sent.</source>
        <translation>Le serveur n’a pas répondu pour les modifications envoyées.</translation>
    </message>
    <message>
        <source>The server sent changes Lectern does not understand.</source>
        <translation>Le serveur a envoyé des modifications que Lectern ne comprend pas.</translation>
    </message>
    <message>
        <source>Waiting for the session to be renewed.</source>
        <translation>En attente du renouvellement de la session.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Your changes are kept on this computer and will be sent when it is back.</source>
        <translation>Impossible de joindre le serveur. Vos modifications sont conservées sur cet ordinateur et seront envoyées dès son retour.</translation>
    </message>
    <message>
        <source>The server is busy. Lectern will try again shortly.</source>
        <translation>Le serveur est occupé. Lectern réessaiera bientôt.</translation>
    </message>
    <message>
        <source>The server has a problem (HTTP %1). Lectern will try again shortly.</source>
        <translation>Le serveur rencontre un problème (HTTP %1). Lectern réessaiera bientôt.</translation>
    </message>
    <message>
        <source>The server sent an answer Lectern does not understand.</source>
        <translation>Le serveur a envoyé une réponse que Lectern ne comprend pas.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>La synchronisation a échoué : %1</translation>
    </message>
    <message>
        <source>Sync failed (%1).</source>
        <translation>La synchronisation a échoué (%1).</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncIndicator</name>
    <message>
        <source>Sync status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progression de la synchronisation</translation>
    </message>
    <message>
        <source>Open the conflict inbox: choose which version to keep</source>
        <translation>Ouvrir les conflits&#xa0;: choisir la version à garder</translation>
    </message>
    <message>
        <source>Changes the server refused: your text is kept so that you can copy it</source>
        <translation>Modifications refusées par le serveur&#xa0;: votre texte est conservé pour que vous puissiez le copier</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Send your changes and fetch others&apos; changes now</source>
        <translation>Envoyer vos modifications et récupérer celles des autres maintenant</translation>
    </message>
    <message>
        <source>The session ended. Your changes are kept and sent after you log in again.</source>
        <translation>La session est terminée. Vos modifications sont conservées et seront envoyées après votre reconnexion.</translation>
    </message>
    <message>
        <source>Sending your changes and fetching others&apos; changes.</source>
        <translation>Envoi de vos modifications et récupération de celles des autres.</translation>
    </message>
    <message>
        <source>Connected: changes sync as you make them.</source>
        <translation>Connecté&#xa0;: les modifications se synchronisent au fur et à mesure.</translation>
    </message>
    <message>
        <source>Offline: your changes are kept on this computer and sync when the server can be reached.</source>
        <translation>Hors ligne&#xa0;: vos modifications sont conservées sur cet ordinateur et se synchroniseront quand le serveur sera joignable.</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not received yet.</source>
        <translation>Modifications faites sur cet ordinateur que le serveur n’a pas encore reçues.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform>
            <numerusform>%n conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%n refusée</numerusform>
            <numerusform>%n refusées</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <comment>%1: date and time</comment>
        <translation>Dernière synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>This computer has not synced with the server yet.</source>
        <translation>Cet ordinateur ne s’est pas encore synchronisé avec le serveur.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation>
            <numerusform>%n modification en attente de synchronisation</numerusform>
            <numerusform>%n modifications en attente de synchronisation</numerusform>
        </translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <comment>%1: just now, 3 minutes ago, yesterday...</comment>
        <translation>Dernière synchronisation %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <comment>changes waiting to sync</comment>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncMark</name>
    <message>
        <source>Changed on this computer; not synced yet</source>
        <translation>Modifié sur cet ordinateur&#xa0;; pas encore synchronisé</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::SyncWords</name>
    <message>
        <source>course</source>
        <translation>cours</translation>
    </message>
    <message>
        <source>module</source>
        <translation>module</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>leçon</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>video</source>
        <translation>vidéo</translation>
    </message>
    <message>
        <source>quiz</source>
        <translation>quiz</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>devoir</translation>
    </message>
    <message>
        <source>item</source>
        <translation>élément</translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation>inscription</translation>
    </message>
    <message>
        <source>cohort</source>
        <translation>cohorte</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>record</source>
        <translation>enregistrement</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Publish on</source>
        <translation>Publication le</translation>
    </message>
    <message>
        <source>Unlocks on</source>
        <translation>Déverrouillage le</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Durée estimée</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Seat limit</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <comment>%1: a kind of record, e.g. lesson</comment>
        <translation>(%1 sans titre)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a field name before its value</comment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a field name and its value</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation>à une date inconnue</translation>
    </message>
    <message>
        <source>today at %1</source>
        <comment>%1: a time of day</comment>
        <translation>aujourd’hui à %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <comment>%1: a time of day</comment>
        <translation>hier à %1</translation>
    </message>
    <message>
        <source>on %1 at %2</source>
        <comment>%1: a date, %2: a time of day</comment>
        <translation>le %1 à %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>on %1</source>
        <comment>%1: a date</comment>
        <translation>le %1</translation>
    </message>
    <message>
        <source>You are not allowed to make this change. Ask the course&apos;s instructor if you think you should be.</source>
        <translation>Vous n’êtes pas autorisé à faire cette modification. Demandez à l’enseignant du cours si vous pensez devoir l’être.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server, or you can no longer see it.</source>
        <translation>Cet élément n’existe plus sur le serveur, ou vous ne pouvez plus le voir.</translation>
    </message>
    <message>
        <source>The server does not know this kind of record. It may run an older version of Lectern.</source>
        <translation>Le serveur ne connaît pas ce type d’élément. Il utilise peut-être une version plus ancienne de Lectern.</translation>
    </message>
    <message>
        <source>This can only be changed while connected to the server, not through sync.</source>
        <translation>Ceci ne peut être modifié que connecté au serveur, pas par la synchronisation.</translation>
    </message>
    <message>
        <source>The server did not accept the values you entered.</source>
        <translation>Le serveur n’a pas accepté les valeurs saisies.</translation>
    </message>
    <message>
        <source>The server already has a record with this identity, so it was not created again.</source>
        <translation>Le serveur a déjà un élément avec cette identité&#xa0;; il n’a donc pas été créé une seconde fois.</translation>
    </message>
    <message>
        <source>Another record already uses these values (for example the same course code and term).</source>
        <translation>Un autre élément utilise déjà ces valeurs (par exemple le même code de cours et la même session).</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Le serveur a refusé cette modification.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Workspaces</name>
    <message>
        <source>Learn</source>
        <translation>Apprendre</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Admin console</source>
        <translation>Console d’administration</translation>
    </message>
    <message>
        <source>Your courses will appear here, ready to study online or offline.</source>
        <translation>Vos cours apparaîtront ici, prêts à être étudiés en ligne ou hors ligne.</translation>
    </message>
    <message>
        <source>Courses, lessons and quizzes you create and edit will appear here.</source>
        <translation>Les cours, leçons et quiz que vous créez et modifiez apparaîtront ici.</translation>
    </message>
    <message>
        <source>Submissions and quiz attempts waiting for your grading will appear here.</source>
        <translation>Les devoirs rendus et les tentatives de quiz à corriger apparaîtront ici.</translation>
    </message>
    <message>
        <source>People, roles, cohorts and your organization&apos;s settings will be managed here.</source>
        <translation>Les personnes, les rôles, les cohortes et les paramètres de votre organisation se géreront ici.</translation>
    </message>
</context>
<context>
    <name>Lectern::EntitySpec</name>
    <message>
        <source>is not a known field</source>
        <translation>n’est pas un champ connu</translation>
    </message>
    <message>
        <source>cannot be changed</source>
        <translation>ne peut pas être modifié</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>doit comporter au plus %n caractère</numerusform>
            <numerusform>doit comporter au plus %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit valoir vrai ou faux</translation>
    </message>
    <message>
        <source>must be a time such as 2026-11-21T09:30:00Z</source>
        <translation>doit être une heure comme 2026-11-21T09:30:00Z</translation>
    </message>
    <message>
        <source>must be a date such as 2026-11-21</source>
        <translation>doit être une date comme 2026-11-21</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>doit valoir l’une des valeurs %1</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <source>must be an order key (digits and letters, not ending in 0)</source>
        <translation>doit être une clé d’ordre (chiffres et lettres, sans 0 final)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be at most 64 KiB</source>
        <translation>doit faire au plus 64 Kio</translation>
    </message>
    <message>
        <source>must be at most 2 MiB</source>
        <translation>doit faire au plus 2 Mio</translation>
    </message>
</context>
<context>
    <name>Lectern::JsonFields</name>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>doit valoir vrai ou faux</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>doit être un nombre entier</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>doit être une liste de chaînes de caractères</translation>
    </message>
    <message>
        <source>is not a known field</source>
        <translation>n’est pas un champ connu</translation>
    </message>
</context>
<context>
    <name>Lectern::Role</name>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation>Assistant pédagogique</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Étudiant</translation>
    </message>
</context>
<context>
    <name>Lectern::Sync</name>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne de caractères</translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation>doit être un UUID</translation>
    </message>
    <message>
        <source>is not a valid HLC timestamp</source>
        <translation>n’est pas un horodatage HLC valide</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be one of create, update, delete, purge, append</source>
        <translation>doit valoir create, update, delete, purge ou append</translation>
    </message>
    <message>
        <source>must be a whole number of 0 or more</source>
        <translation>doit être un nombre entier positif ou nul</translation>
    </message>
    <message>
        <source>must be null or a whole number of 0 or more</source>
        <translation>doit être null ou un nombre entier positif ou nul</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be an object with &quot;old&quot; and &quot;new&quot;</source>
        <translation>doit être un objet avec «&#xa0;old&#xa0;» et «&#xa0;new&#xa0;»</translation>
    </message>
    <message>
        <source>must be a list of operations</source>
        <translation>doit être une liste d’opérations</translation>
    </message>
    <message>
        <source>must hold at least one operation</source>
        <translation>doit contenir au moins une opération</translation>
    </message>
    <message numerus="yes">
        <source>must hold at most %n operations</source>
        <translation>
            <numerusform>doit contenir au plus %n opération</numerusform>
            <numerusform>doit contenir au plus %n opérations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Validation</name>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>doit comporter au plus %n caractère</numerusform>
            <numerusform>doit comporter au plus %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>is not a valid email address</source>
        <translation>n’est pas une adresse e-mail valide</translation>
    </message>
    <message numerus="yes">
        <source>must be at least %n characters</source>
        <translation>
            <numerusform>doit comporter au moins %n caractère</numerusform>
            <numerusform>doit comporter au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>must be 2 to 63 lower-case letters, digits or inner hyphens</source>
        <translation>doit comporter de 2 à 63 lettres minuscules, chiffres ou tirets intérieurs</translation>
    </message>
</context>
<context>
    <name>Lectern::ValidationErrors</name>
    <message>
        <source>Some fields are not valid: %1.</source>
        <translation>Certains champs ne sont pas valides&#xa0;: %1.</translation>
    </message>
    <message>
        <source>must be a language tag such as en or fr</source>
        <translation>doit être un code de langue comme en ou fr</translation>
    </message>
    <message>
        <source>must be an IANA time zone such as Europe/Paris</source>
        <translation>doit être un fuseau horaire IANA comme Europe/Paris</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lectern desktop: learn, author and grade, online or offline.</source>
        <translation>Lectern pour ordinateur&#xa0;: apprenez, créez et corrigez, en ligne ou hors ligne.</translation>
    </message>
    <message>
        <source>Lectern server to connect to (default: the last one used).</source>
        <translation>Serveur Lectern auquel se connecter (par défaut&#xa0;: le dernier utilisé).</translation>
    </message>
    <message>
        <source>Folder for settings, tokens and offline data (portable use).</source>
        <translation>Dossier des paramètres, jetons et données hors ligne (usage portable).</translation>
    </message>
    <message>
        <source>Not a server address: %1</source>
        <translation>Ce n’est pas une adresse de serveur&#xa0;: %1</translation>
    </message>
</context>
</TS>
