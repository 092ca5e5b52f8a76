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
    <message>
        <source>Class list</source>
        <translation>Liste de la classe</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message numerus="yes">
        <source>You logged out with %Ln change(s) not sent to the server yet. They are kept on this computer and sent when you next log in with this account.</source>
        <translation>
            <numerusform>Vous vous êtes déconnecté avec %Ln modification pas encore envoyée au serveur. Elle est conservée sur cet ordinateur et sera envoyée à votre prochaine connexion avec ce compte.</numerusform>
            <numerusform>Vous vous êtes déconnecté avec %Ln modifications pas encore envoyées au serveur. Elles sont conservées sur cet ordinateur et seront envoyées à votre prochaine connexion avec ce compte.</numerusform>
        </translation>
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
    <name>Lectern::Client::AuthorWorkspace</name>
    <message>
        <source>&amp;New course…</source>
        <translation>&amp;Nouveau cours…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>Make a draft copy of the course with its modules and items (%1)</source>
        <translation>Créer une copie brouillon du cours avec ses modules et ses éléments (%1)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Pre&amp;view as student</source>
        <translation>Ape&amp;rçu en tant qu’étudiant</translation>
    </message>
    <message>
        <source>&amp;Find course</source>
        <translation>Rechercher un &amp;cours</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Nouveau cours</translation>
    </message>
    <message>
        <source>Search title, code, description</source>
        <translation>Rechercher un titre, un code, une description</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Rechercher des cours</translation>
    </message>
    <message>
        <source>Search courses (%1)</source>
        <translation>Rechercher des cours (%1)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>No courses yet — create your first course</source>
        <translation>Aucun cours pour l’instant — créez votre premier cours</translation>
    </message>
    <message>
        <source>A course holds modules of lessons, links, videos and files. It stays a draft until you publish it.</source>
        <translation>Un cours contient des modules de leçons, de liens, de vidéos et de fichiers. Il reste un brouillon tant que vous ne le publiez pas.</translation>
    </message>
    <message>
        <source>No course matches</source>
        <translation>Aucun cours ne correspond</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Effacer la recherche et les filtres</translation>
    </message>
    <message>
        <source>Open a course</source>
        <translation>Ouvrez un cours</translation>
    </message>
    <message>
        <source>Select a course on the left to write its outline and lessons and change its settings.</source>
        <translation>Sélectionnez un cours à gauche pour rédiger son plan et ses leçons et modifier ses paramètres.</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The course was removed</source>
        <translation>Le cours a été supprimé</translation>
    </message>
    <message>
        <source>Undo (%1) and Redo (%2) take it back and forth; it comes back as a draft.</source>
        <translation>Annuler (%1) et Rétablir (%2) le font revenir ou disparaître&#xa0;; il revient à l’état de brouillon.</translation>
    </message>
    <message>
        <source>Un&amp;publish</source>
        <translation>Dé&amp;publier</translation>
    </message>
    <message>
        <source>Make the course a draft again: learners no longer see it</source>
        <translation>Remettre le cours à l’état de brouillon&#xa0;: les apprenants ne le voient plus</translation>
    </message>
    <message>
        <source>Let the course&apos;s learners see it</source>
        <translation>Rendre le cours visible pour ses apprenants</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Dés&amp;archiver</translation>
    </message>
    <message>
        <source>Bring the course back as a draft</source>
        <translation>Faire revenir le cours à l’état de brouillon</translation>
    </message>
    <message>
        <source>No course has this status and term.</source>
        <translation>Aucun cours n’a ce statut et cette session.</translation>
    </message>
    <message>
        <source>Nothing matches “%1” with these filters.</source>
        <translation>Rien ne correspond à «&#xa0;%1&#xa0;» avec ces filtres.</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Toutes les sessions</translation>
    </message>
    <message>
        <source>Create the course “%1”</source>
        <translation>Créer le cours «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Duplicate “%1”</source>
        <translation>Dupliquer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Unpublish “%1”</source>
        <translation>Dépublier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Publish “%1”</source>
        <translation>Publier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Unarchive “%1”</source>
        <translation>Désarchiver «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Archive “%1”</source>
        <translation>Archiver «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delete course</source>
        <translation>Supprimer le cours</translation>
    </message>
    <message>
        <source>Delete “%1” with its modules and items?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;» avec ses modules et ses éléments&#xa0;?</translation>
    </message>
    <message>
        <source>Its learners lose access to it. Undo (%1) brings back its outline and lessons as a draft, but not its class list.</source>
        <translation>Ses apprenants n’y ont plus accès. Annuler (%1) fait revenir son plan et ses leçons à l’état de brouillon, mais pas sa liste de la classe.</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>“%1” was deleted</source>
        <translation>«&#xa0;%1&#xa0;» a été supprimé</translation>
    </message>
    <message>
        <source>Close the course: it stays readable, nobody can enroll</source>
        <translation>Clore le cours&#xa0;: il reste consultable, mais plus personne ne peut s’y inscrire</translation>
    </message>
    <message>
        <source>Show or hide the course list</source>
        <translation>Afficher ou masquer la liste des cours</translation>
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
    <name>Lectern::Client::ClassListModel</name>
    <message>
        <source>Student</source>
        <translation>Étudiant</translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation>Assistant pédagogique</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditeur libre</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>Liste d’attente</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
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
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Time spent: %1</source>
        <translation>Temps passé&#xa0;: %1</translation>
    </message>
    <message>
        <source>No activity yet</source>
        <translation>Aucune activité pour l’instant</translation>
    </message>
    <message>
        <source>Last active: %1</source>
        <translation>Dernière activité&#xa0;: %1</translation>
    </message>
    <message>
        <source>The course is full: this student gets a seat when one frees.</source>
        <translation>Le cours est complet&#xa0;: cet étudiant aura une place dès qu’une se libérera.</translation>
    </message>
    <message>
        <source>Enrolled through a cohort</source>
        <translation>Inscrit par une cohorte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>%1 % · %2</source>
        <comment>percent, items done</comment>
        <extracomment>A student&apos;s progress in the class list: percent, then items done of items counted.</extracomment>
        <translation>%1&#xa0;% · %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ClassListPane</name>
    <message>
        <source>Make student</source>
        <translation>Définir comme étudiant</translation>
    </message>
    <message>
        <source>Make teaching assistant</source>
        <translation>Définir comme assistant pédagogique</translation>
    </message>
    <message>
        <source>Make instructor</source>
        <translation>Définir comme enseignant</translation>
    </message>
    <message>
        <source>Filter by name, email, role or status</source>
        <translation>Filtrer par nom, e-mail, rôle ou statut</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>Changer le &amp;rôle</translation>
    </message>
    <message>
        <source>Read the class list from the server again</source>
        <translation>Relire la liste de la classe depuis le serveur</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Teaching this course: %1</source>
        <translation>Équipe pédagogique&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 est maintenant&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 people are now: %2.</source>
        <translation>%1 personnes sont maintenant&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>&amp;Enroll…</source>
        <translation>&amp;Inscrire…</translation>
    </message>
    <message>
        <source>&amp;Unenroll</source>
        <translation>&amp;Désinscrire</translation>
    </message>
    <message>
        <source>Class list as of %1 — connect to change enrollments</source>
        <translation>Liste de la classe au %1 — connectez-vous pour modifier les inscriptions</translation>
    </message>
    <message>
        <source>Nobody is enrolled yet. Enroll students or a cohort.</source>
        <translation>Personne n’est encore inscrit. Inscrivez des étudiants ou une cohorte.</translation>
    </message>
    <message>
        <source>The class list cannot be shown: the server cannot be reached and this computer has no copy of it yet. Connect to see and change enrollments.</source>
        <translation>Impossible d’afficher la liste de la classe&#xa0;: le serveur est injoignable et cet ordinateur n’en a pas encore de copie. Connectez-vous pour voir et modifier les inscriptions.</translation>
    </message>
    <message>
        <source>Offline — connect to change enrollments</source>
        <translation>Hors ligne — connectez-vous pour modifier les inscriptions</translation>
    </message>
    <message>
        <source>Connect to change enrollments.</source>
        <translation>Connectez-vous pour modifier les inscriptions.</translation>
    </message>
    <message>
        <source>Only the course&apos;s instructors and administrators can change enrollments.</source>
        <translation>Seuls les enseignants du cours et les administrateurs peuvent modifier les inscriptions.</translation>
    </message>
    <message>
        <source>%1 left the course. Enroll them again to bring them back.</source>
        <translation>%1 a quitté le cours. Réinscrivez cette personne pour la faire revenir.</translation>
    </message>
    <message>
        <source>%1 people left the course. Enroll them again to bring them back.</source>
        <translation>%1 personnes ont quitté le cours. Réinscrivez-les pour les faire revenir.</translation>
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
        <source>&amp;Edit merged…</source>
        <translation>Modifi&amp;er la fusion…</translation>
    </message>
    <message>
        <source>Write the text to keep, starting from both versions</source>
        <translation>Rédiger le texte à garder à partir des deux versions</translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s) to resolve</source>
        <translation>
            <numerusform>%Ln conflit à résoudre</numerusform>
            <numerusform>%Ln conflits à résoudre</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 — %3</source>
        <comment>kind of record · field — who changed it when</comment>
        <translation>%1 · %2 — %3</translation>
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
    <message>
        <source>Keep &amp;both…</source>
        <translation>Garder les &amp;deux…</translation>
    </message>
    <message>
        <source>Keep both versions of the lines you both changed, each labelled, and merge the rest; shows the result before saving</source>
        <translation>Garder les deux versions des lignes que vous avez tous deux modifiées, chacune avec une étiquette, et fusionner le reste ; montre le résultat avant l’enregistrement</translation>
    </message>
    <message>
        <source>Yours, %1</source>
        <comment>%1: today at 14:05</comment>
        <translation>La vôtre, %1</translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <comment>%1: a name, %2: today at 14:05</comment>
        <translation>Par %1, %2</translation>
    </message>
    <message>
        <source>Keep %1&apos;s version</source>
        <translation>Garder la version de %1</translation>
    </message>
    <message>
        <source>Use the version by %1</source>
        <translation>Utiliser la version de %1</translation>
    </message>
    <message numerus="yes">
        <source>This is the %1 as it will be saved: %n passage(s) you both changed appear twice, each under a [[ Version by … ]] label; everything else is merged and appears once. Tidy it here or later: keep what you want and delete the [[ ]] lines.</source>
        <translation>
            <numerusform>Voici le contenu (%1) tel qu’il sera enregistré : %n passage que vous avez tous deux modifié apparaît deux fois, chaque version sous une étiquette [[ Version de … ]] ; tout le reste est fusionné et n’apparaît qu’une fois. Mettez-le au propre ici ou plus tard : gardez ce que vous voulez et supprimez les lignes [[ ]].</numerusform>
            <numerusform>Voici le contenu (%1) tel qu’il sera enregistré : %n passages que vous avez tous deux modifiés apparaissent deux fois, chaque version sous une étiquette [[ Version de … ]] ; tout le reste est fusionné et n’apparaît qu’une fois. Mettez-le au propre ici ou plus tard : gardez ce que vous voulez et supprimez les lignes [[ ]].</numerusform>
        </translation>
    </message>
    <message>
        <source>This %1 is published: learners see the saved text, labels included, until it is tidied. Until you save, they see the version on the server.</source>
        <translation>Ce contenu (%1) est publié : les apprenants voient le texte enregistré, étiquettes comprises, jusqu’à ce qu’il soit mis au propre. Tant que vous n’enregistrez pas, ils voient la version du serveur.</translation>
    </message>
    <message>
        <source>&amp;Save both versions</source>
        <translation>&amp;Enregistrer les deux versions</translation>
    </message>
    <message>
        <source>Until it is resolved, everyone sees your version.</source>
        <translation>Jusqu’à la résolution, tout le monde voit votre version.</translation>
    </message>
    <message>
        <source>Until it is resolved, everyone sees the version by %1.</source>
        <translation>Jusqu’à la résolution, tout le monde voit la version de %1.</translation>
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
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>quelqu’un</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu’un d’autre</translation>
    </message>
    <message>
        <source>You deleted it %1; %2 edited it %3</source>
        <translation>Vous l’avez supprimé %1 ; %2 l’a modifié %3</translation>
    </message>
    <message>
        <source>You edited it %1; %2 deleted it %3</source>
        <translation>Vous l’avez modifié %1 ; %2 l’a supprimé %3</translation>
    </message>
    <message>
        <source>You changed it %1; %2 changed it %3</source>
        <translation>Vous l’avez modifié %1 ; %2 l’a modifié %3</translation>
    </message>
    <message>
        <source>%1 deleted it %2; %3 edited it %4</source>
        <translation>%1 l’a supprimé %2 ; %3 l’a modifié %4</translation>
    </message>
    <message>
        <source>%1 edited it %2; %3 deleted it %4</source>
        <translation>%1 l’a modifié %2 ; %3 l’a supprimé %4</translation>
    </message>
    <message>
        <source>%1 changed it %2; %3 changed it %4</source>
        <translation>%1 l’a modifié %2 ; %3 l’a modifié %4</translation>
    </message>
    <message>
        <source>[[ Version by %1 ]]</source>
        <translation>[[ Version de %1 ]]</translation>
    </message>
    <message>
        <source>[[ Version by %1, %2 ]]</source>
        <comment>%1: a name, %2: a date and time</comment>
        <translation>[[ Version de %1, %2 ]]</translation>
    </message>
    <message>
        <source>[[ End of both versions: keep what you want and delete the [[ ]] lines ]]</source>
        <translation>[[ Fin des deux versions : gardez ce que vous voulez et supprimez les lignes [[ ]] ]]</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::ContentItemDialog</name>
    <message>
        <source>Add a link</source>
        <translation>Ajouter un lien</translation>
    </message>
    <message>
        <source>Add a video</source>
        <translation>Ajouter une vidéo</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Ajouter un fichier</translation>
    </message>
    <message>
        <source>The file&apos;s name</source>
        <translation>Le nom du fichier</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>No files yet</source>
        <translation>Aucun fichier pour l’instant</translation>
    </message>
    <message>
        <source>https://video.example.org/watch/…</source>
        <translation>https://video.example.org/watch/…</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <source>This course has no files yet. Add them in the Files tab first.</source>
        <translation>Ce cours n’a pas encore de fichiers. Ajoutez-les d’abord dans l’onglet Fichiers.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Video address</source>
        <translation>Adresse de la vidéo</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Adresse du lien</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Enter the address of the page, starting with https://.</source>
        <translation>Saisissez l’adresse de la page, en commençant par https://.</translation>
    </message>
    <message>
        <source>“%1” is not a web address. It should start with https:// (or http://).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse web. Elle doit commencer par https:// (ou http://).</translation>
    </message>
    <message>
        <source>This address is longer than 2,000 characters.</source>
        <translation>Cette adresse dépasse 2 000 caractères.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseCardDelegate</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>percent complete</comment>
        <translation>%1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseFilesModel</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>An instructor</source>
        <translation>Un enseignant</translation>
    </message>
    <message>
        <source>A teaching assistant</source>
        <translation>Un assistant pédagogique</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Queued to upload</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <source>Queued to download</source>
        <translation>En attente de téléchargement</translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation>En attente de connexion</translation>
    </message>
    <message>
        <source>Uploading… %1%</source>
        <translation>Envoi… %1&#xa0;%</translation>
    </message>
    <message>
        <source>Downloading… %1%</source>
        <translation>Téléchargement… %1&#xa0;%</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>who, when</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>aujourd’hui à %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>hier à %1</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseForm</name>
    <message>
        <source>Set or clear this date</source>
        <translation>Définir ou effacer cette date</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Non définie</translation>
    </message>
    <message>
        <source>Required, e.g. CS101</source>
        <translation>Obligatoire, par ex. INF101</translation>
    </message>
    <message>
        <source>Required, e.g. Introduction to programming</source>
        <translation>Obligatoire, par ex. Introduction à la programmation</translation>
    </message>
    <message>
        <source>e.g. Autumn 2026</source>
        <translation>par ex. Automne 2026</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <source>Short and unique in its term; learners see it next to the title.</source>
        <translation>Court et unique dans sa session&#xa0;; les apprenants le voient à côté du titre.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;erm:</source>
        <translation>&amp;Session&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Début&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;nds:</source>
        <translation>&amp;Fin&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. Introductory</source>
        <translation>par ex. Initiation</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;redits:</source>
        <translation>C&amp;rédits&#xa0;:</translation>
    </message>
    <message>
        <source>What learners will find in this course.</source>
        <translation>Ce que les apprenants trouveront dans ce cours.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Descr&amp;iption&#xa0;:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>&amp;Opens:</source>
        <translation>&amp;Ouverture&#xa0;:</translation>
    </message>
    <message>
        <source>Cl&amp;oses:</source>
        <translation>F&amp;ermeture&#xa0;:</translation>
    </message>
    <message>
        <source>Students can be enrolled between these times; staff at any time.</source>
        <translation>Les étudiants peuvent être inscrits entre ces dates&#xa0;; l’équipe pédagogique, à tout moment.</translation>
    </message>
    <message>
        <source>&amp;Seats:</source>
        <translation>&amp;Places&#xa0;:</translation>
    </message>
    <message>
        <source>When every seat is taken, new students join a waiting list.</source>
        <translation>Quand toutes les places sont prises, les nouveaux étudiants rejoignent une liste d’attente.</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Cours</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Crédits</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
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
        <source>Number of seats</source>
        <translation>Nombre de places</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <comment>a field&apos;s name, then what is wrong with it (is required)</comment>
        <translation>Le champ «&#xa0;%1&#xa0;» %2.</translation>
    </message>
    <message>
        <source>Enrollment</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Enrollment opening</source>
        <translation>Ouverture des inscriptions</translation>
    </message>
    <message>
        <source>Enrollment closing</source>
        <translation>Clôture des inscriptions</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseListModel</name>
    <message>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <comment>course title, code and term, status</comment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>course code · term</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseOutlinePage</name>
    <message>
        <source>Add &amp;module</source>
        <translation>Ajouter un &amp;module</translation>
    </message>
    <message>
        <source>Add &amp;lesson</source>
        <translation>Ajouter une &amp;leçon</translation>
    </message>
    <message>
        <source>Add li&amp;nk…</source>
        <translation>Ajouter un li&amp;en…</translation>
    </message>
    <message>
        <source>Add &amp;video…</source>
        <translation>Ajouter une &amp;vidéo…</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Ajouter un &amp;fichier…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Déplacer vers le &amp;haut</translation>
    </message>
    <message>
        <source>Move up (%1). The first item of a module goes to the end of the module above.</source>
        <translation>Déplacer vers le haut (%1). Le premier élément d’un module passe à la fin du module précédent.</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Déplacer vers le &amp;bas</translation>
    </message>
    <message>
        <source>Move down (%1). The last item of a module goes to the start of the module below.</source>
        <translation>Déplacer vers le bas (%1). Le dernier élément d’un module passe au début du module suivant.</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Published</source>
        <translation>&amp;Publié</translation>
    </message>
    <message>
        <source>Published: learners can see it (Space in the outline)</source>
        <translation>Publié&#xa0;: les apprenants peuvent le voir (Espace dans le plan)</translation>
    </message>
    <message>
        <source>Unlock &amp;date…</source>
        <translation>&amp;Date de déverrouillage…</translation>
    </message>
    <message>
        <source>When learners can open it</source>
        <translation>Quand les apprenants peuvent l’ouvrir</translation>
    </message>
    <message>
        <source>Edit &amp;address…</source>
        <translation>Modifier l’&amp;adresse…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Ajouter un élément</translation>
    </message>
    <message>
        <source>Drag to reorder, or %1 / %2 · F2 renames · Space publishes · Delete removes</source>
        <translation>Faites glisser pour réordonner, ou %1 / %2 · F2 renomme · Espace publie · Suppr supprime</translation>
    </message>
    <message>
        <source>This course has no modules yet</source>
        <translation>Ce cours n’a pas encore de modules</translation>
    </message>
    <message>
        <source>Modules hold the course&apos;s lessons, links, videos and files, in the order learners meet them.</source>
        <translation>Les modules contiennent les leçons, liens, vidéos et fichiers du cours, dans l’ordre où les apprenants les découvrent.</translation>
    </message>
    <message>
        <source>Select a lesson to write it</source>
        <translation>Sélectionnez une leçon pour la rédiger</translation>
    </message>
    <message>
        <source>Or select a module or an item to see its details.</source>
        <translation>Ou sélectionnez un module ou un élément pour voir ses détails.</translation>
    </message>
    <message>
        <source>New module</source>
        <translation>Nouveau module</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>Nouvelle leçon</translation>
    </message>
    <message numerus="yes">
        <source>Remove the module “%1” and the %n items in it?</source>
        <translation>
            <numerusform>Supprimer le module «&#xa0;%1&#xa0;» et l’élément qu’il contient&#xa0;?</numerusform>
            <numerusform>Supprimer le module «&#xa0;%1&#xa0;» et les %n éléments qu’il contient&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected records?</source>
        <translation>
            <numerusform>Supprimer l’élément sélectionné&#xa0;?</numerusform>
            <numerusform>Supprimer les %n éléments sélectionnés&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Learners will no longer see it. You can undo this (%1).</source>
        <translation>Les apprenants ne le verront plus. Vous pouvez annuler cette action (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Publish %n records</source>
        <translation>
            <numerusform>Publier %n élément</numerusform>
            <numerusform>Publier %n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpublish %n records</source>
        <translation>
            <numerusform>Dépublier %n élément</numerusform>
            <numerusform>Dépublier %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add a module first</source>
        <translation>Ajoutez d’abord un module</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>published</source>
        <translation>publié</translation>
    </message>
    <message>
        <source>not published: only staff can see it</source>
        <translation>non publié&#xa0;: seule l’équipe pédagogique peut le voir</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CoursePlayer</name>
    <message>
        <source>Course outline</source>
        <translation>Plan du cours</translation>
    </message>
    <message>
        <source>Next item</source>
        <translation>Élément suivant</translation>
    </message>
    <message>
        <source>Previous item</source>
        <translation>Élément précédent</translation>
    </message>
    <message>
        <source>My courses</source>
        <translation>Mes cours</translation>
    </message>
    <message>
        <source>Back to your courses</source>
        <translation>Revenir à vos cours</translation>
    </message>
    <message>
        <source>Downloading… %p%</source>
        <translation>Téléchargement… %p&#xa0;%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Preview — your progress is not recorded. You see this course as a student does: only what is published and released.</source>
        <translation>Aperçu — votre progression n’est pas enregistrée. Vous voyez ce cours comme un étudiant&#xa0;: seulement ce qui est publié et déverrouillé.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Previous item (Alt+Left)</source>
        <translation>Élément précédent (Alt+Left)</translation>
    </message>
    <message>
        <source>Next item (Alt+Right)</source>
        <translation>Élément suivant (Alt+Right)</translation>
    </message>
    <message>
        <source>This item opens on %1. Come back then: it unlocks by itself.</source>
        <translation>Cet élément s’ouvre le %1. Revenez à ce moment-là&#xa0;: il se déverrouillera tout seul.</translation>
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
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Opens with this computer&apos;s viewer</source>
        <translation>S’ouvre avec la visionneuse de cet ordinateur</translation>
    </message>
    <message>
        <source>Files cannot be opened here</source>
        <translation>Les fichiers ne peuvent pas être ouverts ici</translation>
    </message>
    <message>
        <source>No address given</source>
        <translation>Aucune adresse indiquée</translation>
    </message>
    <message>
        <source>Watch in browser</source>
        <translation>Regarder dans le navigateur</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Quizzes cannot be taken in this version of Lectern yet.</source>
        <translation>Cette version de Lectern ne permet pas encore de répondre aux quiz.</translation>
    </message>
    <message>
        <source>Assignments cannot be submitted in this version of Lectern yet.</source>
        <translation>Cette version de Lectern ne permet pas encore de rendre des devoirs.</translation>
    </message>
    <message>
        <source>Choose an item from the outline</source>
        <translation>Choisissez un élément dans le plan</translation>
    </message>
    <message>
        <source>This course has no lessons yet</source>
        <translation>Ce cours n’a pas encore de leçons</translation>
    </message>
    <message>
        <source>Cannot open the link</source>
        <translation>Impossible d’ouvrir le lien</translation>
    </message>
    <message>
        <source>No application could open %1.</source>
        <translation>Aucune application n’a pu ouvrir %1.</translation>
    </message>
    <message>
        <source>Remove download</source>
        <translation>Supprimer le téléchargement</translation>
    </message>
    <message>
        <source>Remove this course&apos;s offline copy? This frees %1. You can download it again when you are online.</source>
        <translation>Supprimer la copie hors ligne de ce cours&#xa0;? Cela libère %1. Vous pourrez la télécharger de nouveau quand vous serez en ligne.</translation>
    </message>
    <message>
        <source>This course&apos;s files are on this computer.</source>
        <translation>Les fichiers de ce cours sont sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Keeps every file of this course on this computer, to study without a network.</source>
        <translation>Garde tous les fichiers de ce cours sur cet ordinateur, pour étudier sans réseau.</translation>
    </message>
    <message>
        <source>%1 · %2 spent</source>
        <comment>items done, time</comment>
        <translation>%1 · temps passé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Course progress: %1%</source>
        <translation>Progression du cours&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <source>Next: %1 (Alt+Right)</source>
        <translation>Suivant&#xa0;: %1 (Alt+Right)</translation>
    </message>
    <message>
        <source>Previous: %1 (Alt+Left)</source>
        <translation>Précédent&#xa0;: %1 (Alt+Left)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>A preview records no progress</source>
        <translation>Un aperçu n’enregistre aucune progression</translation>
    </message>
    <message>
        <source>You completed this item</source>
        <translation>Vous avez terminé cet élément</translation>
    </message>
    <message>
        <source>Mark this item as done</source>
        <translation>Marquer cet élément comme terminé</translation>
    </message>
    <message>
        <source>This course has no files to download: everything in it is on this computer.</source>
        <translation>Ce cours n’a aucun fichier à télécharger&#xa0;: tout son contenu est sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseRules</name>
    <message>
        <source>must not be before the start date</source>
        <translation>ne doit pas précéder la date de début</translation>
    </message>
    <message>
        <source>must be before the course ends</source>
        <translation>doit précéder la fin du cours</translation>
    </message>
    <message>
        <source>is already used by another course without a term</source>
        <translation>est déjà utilisé par un autre cours sans session</translation>
    </message>
    <message>
        <source>is already used in this term</source>
        <translation>est déjà utilisé dans cette session</translation>
    </message>
    <message>
        <source>must be after enrollment opens</source>
        <translation>doit suivre l’ouverture des inscriptions</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::CourseSettingsPage</name>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Abandonner les modifications</translation>
    </message>
    <message>
        <source>Save the changed settings (%1)</source>
        <translation>Enregistrer les paramètres modifiés (%1)</translation>
    </message>
    <message>
        <source>This course changed meanwhile. Save to keep your changes, or revert to see the course as it is now.</source>
        <translation>Ce cours a été modifié entre-temps. Enregistrez pour garder vos modifications, ou abandonnez-les pour voir le cours tel qu’il est maintenant.</translation>
    </message>
    <message>
        <source>Changes are saved on this computer and synced when it is online.</source>
        <translation>Les modifications sont enregistrées sur cet ordinateur et synchronisées quand il est en ligne.</translation>
    </message>
    <message>
        <source>Edit the settings of “%1”</source>
        <translation>Modifier les paramètres de «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::DashboardModel</name>
    <message>
        <source>%1, preview as a student</source>
        <translation>%1, aperçu en tant qu’étudiant</translation>
    </message>
    <message>
        <source>%1, %2% complete</source>
        <comment>course title, percent</comment>
        <translation>%1, terminé à %2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>code — title</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Preview as a student</source>
        <translation>Aperçu en tant qu’étudiant</translation>
    </message>
    <message>
        <source>Preview</source>
        <comment>short for: preview as a student</comment>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Completed — well done!</source>
        <translation>Terminé — bravo&#xa0;!</translation>
    </message>
    <message>
        <source>Nothing to study yet</source>
        <translation>Rien à étudier pour l’instant</translation>
    </message>
    <message>
        <source>Continue: %1</source>
        <translation>Continuer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Commencer&#xa0;: %1</translation>
    </message>
    <message>
        <source>You teach this course</source>
        <translation>Vous enseignez dans ce cours</translation>
    </message>
    <message>
        <source>You assist in this course</source>
        <translation>Vous êtes assistant dans ce cours</translation>
    </message>
    <message>
        <source>You administer this course</source>
        <translation>Vous administrez ce cours</translation>
    </message>
    <message>
        <source>No lessons yet</source>
        <translation>Aucune leçon pour l’instant</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2 — Cancel</source>
        <translation>Téléchargement… %1 sur %2 — Annuler</translation>
    </message>
    <message>
        <source>Downloading… — Cancel</source>
        <translation>Téléchargement… — Annuler</translation>
    </message>
    <message>
        <source>%1 · %2 spent</source>
        <comment>items done, time spent</comment>
        <translation>%1 · temps passé&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::DashboardPage</name>
    <message>
        <source>My courses</source>
        <translation>Mes cours</translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet. The courses below are ones you teach, assist in or manage: preview them as a student.</source>
        <translation>Vous n’êtes encore inscrit à aucun cours. Les cours ci-dessous sont ceux où vous enseignez, assistez ou que vous gérez&#xa0;: affichez-en un aperçu en tant qu’étudiant.</translation>
    </message>
    <message>
        <source>Pick up where you left off. Everything here also works offline; your progress syncs when you are back online.</source>
        <translation>Reprenez là où vous vous étiez arrêté. Tout fonctionne aussi hors ligne&#xa0;; votre progression se synchronise quand vous êtes de nouveau en ligne.</translation>
    </message>
    <message>
        <source>You are not enrolled in any course yet</source>
        <translation>Vous n’êtes encore inscrit à aucun cours</translation>
    </message>
    <message>
        <source>Recent announcements</source>
        <translation>Annonces récentes</translation>
    </message>
    <message>
        <source>No announcements yet</source>
        <translation>Aucune annonce pour l’instant</translation>
    </message>
    <message>
        <source>News from your instructors will appear here.</source>
        <translation>Les nouvelles de vos enseignants apparaîtront ici.</translation>
    </message>
    <message>
        <source>&amp;Preview as a student</source>
        <translation>&amp;Aperçu en tant qu’étudiant</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Remove download</source>
        <translation>Supprimer le téléchargement</translation>
    </message>
    <message>
        <source>Remove the offline copy of “%1”? This frees %2. You can download it again when you are online.</source>
        <translation>Supprimer la copie hors ligne de «&#xa0;%1&#xa0;»&#xa0;? Cela libère %2. Vous pourrez la télécharger de nouveau quand vous serez en ligne.</translation>
    </message>
    <message>
        <source>When an instructor enrolls you in a course, it appears here, ready to study online or offline.</source>
        <translation>Quand un enseignant vous inscrit à un cours, il apparaît ici, prêt à être étudié en ligne ou hors ligne.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::EnrollDialog</name>
    <message>
        <source>Enroll in this course</source>
        <translation>Inscrire à ce cours</translation>
    </message>
    <message>
        <source>Search people by name or email</source>
        <translation>Rechercher des personnes par nom ou e-mail</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Filter cohorts</source>
        <translation>Filtrer les cohortes</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Cohorte</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Étudiant</translation>
    </message>
    <message>
        <source>Teaching assistant</source>
        <translation>Assistant pédagogique</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Audit (follows the course without taking a seat&apos;s credit)</source>
        <translation>Auditeur libre (suit le cours sans en obtenir les crédits)</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>Enroll even if enrollment is closed or the course is full</source>
        <translation>Inscrire même si les inscriptions sont closes ou le cours complet</translation>
    </message>
    <message>
        <source>Instructors of the course and administrators may enroll outside the enrollment window and beyond the course&apos;s maximum.</source>
        <translation>Les enseignants du cours et les administrateurs peuvent inscrire en dehors de la période d’inscription et au-delà du maximum du cours.</translation>
    </message>
    <message>
        <source>&amp;Enroll</source>
        <translation>&amp;Inscrire</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>(in the class list)</source>
        <translation>(dans la liste de la classe)</translation>
    </message>
    <message>
        <source>Nobody in your organisation matches “%1”.</source>
        <translation>Personne dans votre organisation ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1 (%2 members)</source>
        <translation>%1 (%2 membres)</translation>
    </message>
    <message>
        <source>Your organisation has no cohorts yet.</source>
        <translation>Votre organisation n’a pas encore de cohortes.</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <source>This course is archived, so nobody can be enrolled as a student.</source>
        <translation>Ce cours est archivé&#xa0;: personne ne peut y être inscrit comme étudiant.</translation>
    </message>
    <message>
        <source>Enrollment in this course opens on %1.</source>
        <translation>Les inscriptions à ce cours ouvrent le %1.</translation>
    </message>
    <message>
        <source>Enrollment in this course closed on %1.</source>
        <translation>Les inscriptions à ce cours ont fermé le %1.</translation>
    </message>
    <message>
        <source>Enrollment in this course is closed.</source>
        <translation>Les inscriptions à ce cours sont closes.</translation>
    </message>
    <message>
        <source>Instructors and administrators can still enroll students: tick “Enroll even if enrollment is closed or the course is full”.</source>
        <translation>Les enseignants et les administrateurs peuvent tout de même inscrire des étudiants&#xa0;: cochez «&#xa0;Inscrire même si les inscriptions sont closes ou le cours complet&#xa0;».</translation>
    </message>
    <message>
        <source>The course is full (at most %1 students). Put the student on the waitlist, raise the course&apos;s maximum, or enroll anyway.</source>
        <translation>Le cours est complet (%1 étudiants au maximum). Mettez l’étudiant sur la liste d’attente, augmentez le maximum du cours ou inscrivez-le quand même.</translation>
    </message>
    <message>
        <source>Only the course&apos;s instructors and administrators can change enrollments.</source>
        <translation>Seuls les enseignants du cours et les administrateurs peuvent modifier les inscriptions.</translation>
    </message>
    <message>
        <source>The course or the person is no longer there, or you can no longer see it. Refresh the class list.</source>
        <translation>Le cours ou la personne n’existe plus, ou vous ne pouvez plus le voir. Actualisez la liste de la classe.</translation>
    </message>
    <message>
        <source>The server did not accept this: %1.</source>
        <translation>Le serveur n’a pas accepté ceci&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Connect to change enrollments.</source>
        <translation>Le serveur est injoignable. Connectez-vous pour modifier les inscriptions.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again to change enrollments.</source>
        <translation>Votre session a expiré. Reconnectez-vous pour modifier les inscriptions.</translation>
    </message>
    <message>
        <source>The server refused this change.</source>
        <translation>Le serveur a refusé cette modification.</translation>
    </message>
    <message>
        <source>Nobody was enrolled: the cohort has no members yet. People who join it later are enrolled then.</source>
        <translation>Personne n’a été inscrit&#xa0;: la cohorte n’a pas encore de membres. Les personnes qui la rejoindront plus tard seront alors inscrites.</translation>
    </message>
    <message>
        <source>Enrolled one person.</source>
        <translation>Une personne inscrite.</translation>
    </message>
    <message>
        <source>Enrolled %1 people.</source>
        <translation>%1 personnes inscrites.</translation>
    </message>
    <message>
        <source>The course is full, so this student is on the waitlist. They get a seat as soon as one frees.</source>
        <translation>Le cours est complet&#xa0;: cet étudiant est donc sur la liste d’attente. Il aura une place dès qu’une se libérera.</translation>
    </message>
    <message>
        <source>Enrolled %1 people. The course is full, so %2 of them are on the waitlist and get a seat as soon as one frees.</source>
        <translation>%1 personnes inscrites. Le cours est complet&#xa0;: %2 d’entre elles sont donc sur la liste d’attente et auront une place dès qu’une se libérera.</translation>
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
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de tentatives infructueuses. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de tentatives infructueuses. Réessayez dans %n secondes.</numerusform>
        </translation>
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
    <name>Lectern::Client::FileTransfers</name>
    <message>
        <source>Files can be attached once you are logged in.</source>
        <translation>Vous pourrez joindre des fichiers une fois connecté.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be uploaded.</source>
        <translation>%1 n’est pas un fichier qui peut être envoyé.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 est vide.</translation>
    </message>
    <message>
        <source>Waiting for connection</source>
        <translation>En attente de connexion</translation>
    </message>
    <message>
        <source>%1 can no longer be read (%2). Attach it again.</source>
        <translation>%1 ne peut plus être lu (%2). Joignez-le de nouveau.</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>%1 is too large: the server takes files of up to %2.</source>
        <translation>%1 est trop volumineux&#xa0;: le serveur accepte des fichiers jusqu’à %2.</translation>
    </message>
    <message>
        <source>%1 is too large for the server.</source>
        <translation>%1 est trop volumineux pour le serveur.</translation>
    </message>
    <message>
        <source>%1 was refused: its content (%2) does not match its name.</source>
        <translation>%1 a été refusé&#xa0;: son contenu (%2) ne correspond pas à son nom.</translation>
    </message>
    <message>
        <source>%1 was refused: the server cannot tell what kind of file it is.</source>
        <translation>%1 a été refusé&#xa0;: le serveur ne peut pas déterminer de quel type de fichier il s’agit.</translation>
    </message>
    <message>
        <source>%1 was refused: files of this type (%2) cannot be uploaded here.</source>
        <translation>%1 a été refusé&#xa0;: les fichiers de ce type (%2) ne peuvent pas être envoyés ici.</translation>
    </message>
    <message>
        <source>%1 was refused: you may not add files to this course.</source>
        <translation>%1 a été refusé&#xa0;: vous n’êtes pas autorisé à ajouter des fichiers à ce cours.</translation>
    </message>
    <message>
        <source>%1 was refused: the course is no longer there.</source>
        <translation>%1 a été refusé&#xa0;: le cours n’existe plus.</translation>
    </message>
    <message>
        <source>%1 was refused by the server.</source>
        <translation>%1 a été refusé par le serveur.</translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation>%1 a été refusé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Waiting for you to log in again</source>
        <translation>En attente de votre reconnexion</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer (%2).</source>
        <translation>Impossible d’enregistrer %1 sur cet ordinateur (%2).</translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer: %2</source>
        <translation>Impossible d’enregistrer %1 sur cet ordinateur&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 arrived damaged. Try again.</source>
        <translation>%1 est arrivé endommagé. Réessayez.</translation>
    </message>
    <message>
        <source>%1 cannot be saved on this computer.</source>
        <translation>Impossible d’enregistrer %1 sur cet ordinateur.</translation>
    </message>
    <message>
        <source>%1 is no longer on the server, or you may no longer open it.</source>
        <translation>%1 n’est plus sur le serveur, ou vous n’êtes plus autorisé à l’ouvrir.</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <translation>Impossible de télécharger %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation>Aucun programme de cet ordinateur n’ouvre %1.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>%1 can be deleted once the server can be reached.</source>
        <translation>Vous pourrez supprimer %1 une fois le serveur joignable.</translation>
    </message>
    <message>
        <source>You may not delete %1.</source>
        <translation>Vous n’êtes pas autorisé à supprimer %1.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>Impossible de supprimer %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::FilesPane</name>
    <message>
        <source>Attach files…</source>
        <translation>Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Upload files to the course (or drop them here)</source>
        <translation>Envoyer des fichiers dans le cours (ou les déposer ici)</translation>
    </message>
    <message>
        <source>Download all</source>
        <translation>Tout télécharger</translation>
    </message>
    <message>
        <source>Keep every file of the course on this computer, to use offline</source>
        <translation>Garder tous les fichiers du cours sur cet ordinateur, pour les utiliser hors ligne</translation>
    </message>
    <message>
        <source>Remove downloads</source>
        <translation>Supprimer les téléchargements</translation>
    </message>
    <message>
        <source>Delete the course&apos;s files from this computer to free the space (they stay on the server)</source>
        <translation>Supprimer les fichiers du cours de cet ordinateur pour libérer de l’espace (ils restent sur le serveur)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Course files</source>
        <translation>Fichiers du cours</translation>
    </message>
    <message>
        <source>No files yet.
Drop files here, or choose “Attach files…”.</source>
        <translation>Aucun fichier pour l’instant.
Déposez des fichiers ici, ou choisissez «&#xa0;Joindre des fichiers…&#xa0;».</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Some files could not be downloaded. Try again later.</source>
        <translation>Certains fichiers n’ont pas pu être téléchargés. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>these %1 files</source>
        <translation>ces %1 fichiers</translation>
    </message>
    <message>
        <source>Delete files</source>
        <translation>Supprimer des fichiers</translation>
    </message>
    <message>
        <source>Delete %1 from the course? Lessons that show or link to it will no longer find it.</source>
        <translation>Supprimer %1 du cours&#xa0;? Les images et les liens des leçons qui s’y rapportent ne fonctionneront plus.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Download all (%1)</source>
        <translation>Tout télécharger (%1)</translation>
    </message>
    <message>
        <source>Downloading the course…</source>
        <translation>Téléchargement du cours…</translation>
    </message>
    <message>
        <source>All files on this computer (%1)</source>
        <translation>Tous les fichiers sont sur cet ordinateur (%1)</translation>
    </message>
    <message>
        <source>%1 on this computer</source>
        <translation>%1 sur cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LearnFormat</name>
    <message>
        <source>Opens %1</source>
        <comment>%1: a date and time</comment>
        <translation>S’ouvre le %1</translation>
    </message>
    <message>
        <source>no time yet</source>
        <translation>pas encore de temps passé</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d’une minute</translation>
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
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Download for offline use (%1)</source>
        <translation>Télécharger pour une utilisation hors ligne (%1)</translation>
    </message>
    <message>
        <source>Download for offline use</source>
        <translation>Télécharger pour une utilisation hors ligne</translation>
    </message>
    <message>
        <source>Remove download (frees %1)</source>
        <translation>Supprimer le téléchargement (libère %1)</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Devoir</translation>
    </message>
    <message>
        <source>Available offline</source>
        <translation>Disponible hors ligne</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n required done</source>
        <comment>items done</comment>
        <translation>
            <numerusform>%1 sur %n obligatoire terminé</numerusform>
            <numerusform>%1 sur %n obligatoires terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n done</source>
        <comment>items done</comment>
        <translation>
            <numerusform>%1 sur %n terminé</numerusform>
            <numerusform>%1 sur %n terminés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LessonBrowser</name>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Impossible d’afficher cette image.</translation>
    </message>
    <message>
        <source>Image not downloaded yet</source>
        <translation>Image pas encore téléchargée</translation>
    </message>
    <message>
        <source>Image not available offline</source>
        <translation>Image non disponible hors ligne</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::LessonEditor</name>
    <message>
        <source>Lesson title</source>
        <translation>Titre de la leçon</translation>
    </message>
    <message>
        <source>Write the lesson in Markdown: # for a heading, ** for bold, - for a list…</source>
        <translation>Rédigez la leçon en Markdown&#xa0;: # pour un titre, ** pour du gras, - pour une liste…</translation>
    </message>
    <message>
        <source>Lesson text (Markdown)</source>
        <translation>Texte de la leçon (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Choose a lesson in the outline to edit it.</source>
        <translation>Choisissez une leçon dans le plan pour la modifier.</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Heading: # at the start of the line (again for a smaller one)</source>
        <translation>Titre&#xa0;: # en début de ligne (un de plus pour un titre plus petit)</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>bold text</source>
        <translation>texte en gras</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <source>italic text</source>
        <translation>texte en italique</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Liste</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Bloc de code</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <source>| Column 1 | Column 2 |
| --- | --- |
| Cell | Cell |
</source>
        <translation>| Colonne 1 | Colonne 2 |
| --- | --- |
| Cellule | Cellule |
</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Link to a web page</source>
        <translation>Lien vers une page web</translation>
    </message>
    <message>
        <source>Course file…</source>
        <translation>Fichier du cours…</translation>
    </message>
    <message>
        <source>Image of or link to one of the course&apos;s files</source>
        <translation>Image ou lien vers l’un des fichiers du cours</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Upload a file to the course and link to it here</source>
        <translation>Envoyer un fichier dans le cours et y faire un lien ici</translation>
    </message>
    <message>
        <source>This lesson no longer exists.</source>
        <translation>Cette leçon n’existe plus.</translation>
    </message>
    <message>
        <source>Words: %1 · Reading time: %2 min</source>
        <translation>Mots&#xa0;: %1 · Temps de lecture&#xa0;: %2 min</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved offline — will sync</source>
        <translation>Enregistré hors ligne — sera synchronisé</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your changes are on this computer and go to the server as soon as it can be reached.</source>
        <translation>Vos modifications sont sur cet ordinateur et partiront vers le serveur dès qu’il sera joignable.</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>texte du lien</translation>
    </message>
    <message>
        <source>Insert a course file</source>
        <translation>Insérer un fichier du cours</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrer par nom</translation>
    </message>
    <message>
        <source>This course has no files yet. Attach some in the Files tab or with “Attach…”.</source>
        <translation>Ce cours n’a pas encore de fichiers. Joignez-en dans l’onglet Fichiers ou avec «&#xa0;Joindre…&#xa0;».</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insérer</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Résoudre…</translation>
    </message>
    <message>
        <source>Open the conflict inbox at this conflict</source>
        <translation>Ouvrir la boîte des conflits sur ce conflit</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Your change met a change by %1 to the same lines. The lesson shows %1&apos;s version for now; yours is kept in the conflict inbox, nothing is lost. Choose what to keep there.</source>
        <translation>Votre modification a rencontré une modification des mêmes lignes par %1. La leçon montre pour l’instant la version de %1 ; la vôtre est gardée dans la boîte des conflits, rien n’est perdu. Choisissez-y ce qu’il faut garder.</translation>
    </message>
    <message>
        <source>%1 changed the same lines as you. The lesson keeps your version until the conflict is resolved; theirs is in the conflict inbox.</source>
        <translation>%1 a modifié les mêmes lignes que vous. La leçon garde votre version jusqu’à la résolution du conflit ; l’autre est dans la boîte des conflits.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Two people changed the same lines of this lesson. It shows %1&apos;s version until the conflict is resolved; the other is in the conflict inbox.</source>
        <translation>Deux personnes ont modifié les mêmes lignes de cette leçon. Elle montre la version de %1 jusqu’à la résolution du conflit ; l’autre est dans la boîte des conflits.</translation>
    </message>
    <message>
        <source>Show the lesson as learners see it; again to write</source>
        <translation>Afficher la leçon comme la voient les apprenants&#xa0;; à nouveau pour écrire</translation>
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
    <message>
        <source>These records are kept as they were made and cannot be changed or deleted.</source>
        <translation>Ces enregistrements sont conservés tels qu’ils ont été créés et ne peuvent être ni modifiés ni supprimés.</translation>
    </message>
    <message>
        <source>Records of the kind &quot;%1&quot; are created, not appended.</source>
        <translation>Les enregistrements de type «&#xa0;%1&#xa0;» se créent, ils ne s’ajoutent pas à la suite.</translation>
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
        <source>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Learning that keeps working offline: write courses and study them on this computer, and Lectern syncs with your organization&apos;s server when it can.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lectern %1&lt;/h3&gt;&lt;p&gt;Un apprentissage qui continue hors ligne&#xa0;: rédigez des cours et étudiez-les sur cet ordinateur, et Lectern se synchronise avec le serveur de votre organisation dès qu’il le peut.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2.&lt;/p&gt;</translation>
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
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::NewCourseDialog</name>
    <message>
        <source>New course</source>
        <translation>Nouveau cours</translation>
    </message>
    <message>
        <source>The course starts as a draft that only its staff can see. You can change all of this later in its settings.</source>
        <translation>Le cours commence comme un brouillon que seule son équipe pédagogique peut voir. Vous pourrez tout modifier plus tard dans ses paramètres.</translation>
    </message>
    <message>
        <source>Create course</source>
        <translation>Créer le cours</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineDelegate</name>
    <message>
        <source>d MMM</source>
        <comment>unlock date format without the year</comment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>Unlocks %1 %2</source>
        <comment>date, time</comment>
        <translation>Déverrouillage le %1 à %2</translation>
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
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Leçon</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Devoir</translation>
    </message>
    <message>
        <source>%1 · published: learners can see it</source>
        <comment>type of record · published</comment>
        <translation>%1 · publié&#xa0;: les apprenants peuvent le voir</translation>
    </message>
    <message>
        <source>%1 · not published: only staff can see it</source>
        <comment>type of record · not published</comment>
        <translation>%1 · non publié&#xa0;: seule l’équipe pédagogique peut le voir</translation>
    </message>
    <message>
        <source>Unlocks %1</source>
        <translation>Déverrouillage le %1</translation>
    </message>
    <message>
        <source>%1, published</source>
        <translation>%1, publié</translation>
    </message>
    <message>
        <source>%1, not published</source>
        <translation>%1, non publié</translation>
    </message>
    <message>
        <source>The address %1.</source>
        <comment>the address must be at most 2000 characters</comment>
        <translation>L’adresse %1.</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>Renommer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Publish “%1”</source>
        <translation>Publier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Unpublish “%1”</source>
        <translation>Dépublier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Set the unlock date of “%1”</source>
        <translation>Définir la date de déverrouillage de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Remove the unlock date of “%1”</source>
        <translation>Retirer la date de déverrouillage de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Change the address of “%1”</source>
        <translation>Modifier l’adresse de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n records</source>
        <translation>
            <numerusform>Supprimer %n élément</numerusform>
            <numerusform>Supprimer %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Move “%1”</source>
        <translation>Déplacer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add module “%1”</source>
        <translation>Ajouter le module «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Add %1 “%2”</source>
        <comment>add lesson “Intro”</comment>
        <translation>Ajout&#xa0;: %1 «&#xa0;%2&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Move %n records</source>
        <translation>
            <numerusform>Déplacer %n élément</numerusform>
            <numerusform>Déplacer %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Has a conflict: two people changed the same thing. Open it to resolve it.</source>
        <translation>A un conflit : deux personnes ont modifié la même chose. Ouvrez-le pour le résoudre.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::OutlineView</name>
    <message>
        <source>Course outline</source>
        <translation>Plan du cours</translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lectern::Client::PlayerOutlineModel</name>
    <message>
        <source>Nothing here yet</source>
        <translation>Rien ici pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, locked, %2</source>
        <translation>%1, verrouillé, %2</translation>
    </message>
    <message>
        <source>%1, completed</source>
        <translation>%1, terminé</translation>
    </message>
    <message>
        <source>Completed on %1</source>
        <translation>Terminé le %1</translation>
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
            <numerusform>Facultatif · %n élément</numerusform>
            <numerusform>Facultatif · %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · optional</source>
        <comment>an item that does not count towards progress</comment>
        <translation>%1 · facultatif</translation>
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
    <name>Lectern::Client::RecordTree</name>
    <message>
        <source>Copy of %1</source>
        <translation>Copie de %1</translation>
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
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflit</numerusform>
            <numerusform>%Ln conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <comment>changes the server refused</comment>
        <translation>
            <numerusform>%Ln refusée</numerusform>
            <numerusform>%Ln refusées</numerusform>
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
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln modification en attente de synchronisation</numerusform>
            <numerusform>%Ln modifications en attente de synchronisation</numerusform>
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
        <source>%Ln waiting</source>
        <comment>changes waiting to sync</comment>
        <translation>
            <numerusform>%Ln en attente</numerusform>
            <numerusform>%Ln en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Résoudre…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) sent</source>
        <translation>
            <numerusform>%Ln modification envoyée</numerusform>
            <numerusform>%Ln modifications envoyées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln merged</source>
        <comment>changes merged with others&apos; changes</comment>
        <translation>
            <numerusform>%Ln fusionnée</numerusform>
            <numerusform>%Ln fusionnées</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the parts of a sync report</comment>
        <translation>, </translation>
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
        <source>enrollment</source>
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
    <message>
        <source>This record is kept as it was made and cannot be changed or deleted.</source>
        <translation>Cet enregistrement est conservé tel qu’il a été créé et ne peut être ni modifié ni supprimé.</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::Theme</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Système</translation>
    </message>
</context>
<context>
    <name>Lectern::Client::UnlockDateDialog</name>
    <message>
        <source>&amp;No unlock date: open as soon as it is published</source>
        <translation>&amp;Pas de date de déverrouillage&#xa0;: ouvert dès sa publication</translation>
    </message>
    <message>
        <source>&amp;Unlocks on</source>
        <translation>&amp;Déverrouillage le</translation>
    </message>
    <message>
        <source>Unlock date</source>
        <translation>Date de déverrouillage</translation>
    </message>
    <message>
        <source>When can learners open “%1”?</source>
        <translation>Quand les apprenants pourront-ils ouvrir «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>Unlock date and time</source>
        <translation>Date et heure de déverrouillage</translation>
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
    <message>
        <source>must be at most %1</source>
        <translation>doit valoir au plus %1</translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation>ne doit pas être null</translation>
    </message>
    <message>
        <source>must be a web address starting with https:// or http://</source>
        <translation>doit être une adresse web commençant par https:// ou http://</translation>
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
    <name>Lectern::Questions::Aiken</name>
    <message>
        <source>The question that starts here has no &quot;ANSWER:&quot; line before line %1.</source>
        <translation>La question qui commence ici n’a pas de ligne «&#xa0;ANSWER:&#xa0;» avant la ligne %1.</translation>
    </message>
    <message>
        <source>&quot;ANSWER:&quot; without a question before it.</source>
        <translation>«&#xa0;ANSWER:&#xa0;» sans question avant.</translation>
    </message>
    <message>
        <source>A question needs at least two options, &quot;A) ...&quot; and &quot;B) ...&quot;.</source>
        <translation>Une question doit avoir au moins deux options, «&#xa0;A) ...&#xa0;» et «&#xa0;B) ...&#xa0;».</translation>
    </message>
    <message>
        <source>&quot;ANSWER: %1&quot; names no option of the question; its options are %2.</source>
        <translation>«&#xa0;ANSWER: %1&#xa0;» ne désigne aucune option de la question&#xa0;; ses options sont %2.</translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Cloze</name>
    <message>
        <source>&quot;%1&quot; is not closed with &quot;}&quot;.</source>
        <translation>« %1 » n’est pas fermé par « } ».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not written {weight:TYPE:answers}.</source>
        <translation>« %1 » n’est pas écrit {poids:TYPE:réponses}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a type of embedded answer (such as SHORTANSWER, NUMERICAL or MULTICHOICE).</source>
        <translation>« %1 » n’est pas un type de réponse intégrée (comme SHORTANSWER, NUMERICAL ou MULTICHOICE).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no answers.</source>
        <translation>« %1 » n’a pas de réponses.</translation>
    </message>
    <message>
        <source>No answer of &quot;%1&quot; has full credit.</source>
        <translation>Aucune réponse de « %1 » ne vaut tous les points.</translation>
    </message>
    <message>
        <source>The credit %1 in &quot;%2&quot; is not between -100% and 100%.</source>
        <translation>Le crédit %1 dans « %2 » n’est pas compris entre -100 % et 100 %.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an empty answer.</source>
        <translation>« %1 » a une réponse vide.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in &quot;%2&quot; is not a number or a number:tolerance.</source>
        <translation>« %1 » dans « %2 » n’est ni un nombre ni un nombre:tolérance.</translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Gift</name>
    <message>
        <source>The braces around the answers do not match: a { without its }, or the other way round.</source>
        <translation>Les accolades autour des réponses ne correspondent pas&#xa0;: une { sans sa }, ou l’inverse.</translation>
    </message>
    <message>
        <source>Question &quot;%1&quot;: %2</source>
        <translation>Question «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>A multiple-choice question needs at least two answers.</source>
        <translation>Une question à choix multiple doit avoir au moins deux réponses.</translation>
    </message>
    <message>
        <source>An answer&apos;s weight must be a percentage from -100 to 100, such as %50%.</source>
        <translation>Le poids d’une réponse doit être un pourcentage de -100 à 100, comme %50%.</translation>
    </message>
    <message>
        <source>A matching question needs at least two pairs.</source>
        <translation>Une question d’appariement doit avoir au moins deux paires.</translation>
    </message>
    <message>
        <source>Each pair of a matching question is written &quot;=question -&gt; answer&quot;.</source>
        <translation>Chaque paire d’une question d’appariement s’écrit «&#xa0;=question -&gt; réponse&#xa0;».</translation>
    </message>
    <message>
        <source>A short-answer question needs at least one answer.</source>
        <translation>Une question à réponse courte doit avoir au moins une réponse.</translation>
    </message>
    <message>
        <source>A numerical question needs at least one number.</source>
        <translation>Une question numérique doit avoir au moins un nombre.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number, a number:tolerance or a min..max range.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un nombre, ni un nombre:tolérance, ni un intervalle min..max.</translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::Grading</name>
    <message>
        <source>No number was given.</source>
        <translation>Aucun nombre n’a été donné.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>« %1 » n’est pas un nombre.</translation>
    </message>
</context>
<context>
    <name>Lectern::Questions::MoodleXml</name>
    <message>
        <source>This is not a Moodle XML file: it starts with &lt;%1&gt; instead of &lt;quiz&gt;.</source>
        <translation>Ce n’est pas un fichier Moodle XML&#xa0;: il commence par &lt;%1&gt; au lieu de &lt;quiz&gt;.</translation>
    </message>
    <message>
        <source>The file is not well-formed XML: %1</source>
        <translation>Le fichier n’est pas du XML bien formé&#xa0;: %1</translation>
    </message>
    <message>
        <source>A category question has no category path.</source>
        <translation>Une question de catégorie n’a pas de chemin de catégorie.</translation>
    </message>
    <message>
        <source>A question has no type.</source>
        <translation>Une question n’a pas de type.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no type.</source>
        <translation>La question «&#xa0;%1&#xa0;» n’a pas de type.</translation>
    </message>
    <message>
        <source>A question has the type &quot;%1&quot;, which cannot be imported.</source>
        <translation>Une question est du type «&#xa0;%1&#xa0;», qui ne peut pas être importé.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has the type &quot;%2&quot;, which cannot be imported.</source>
        <translation>La question «&#xa0;%1&#xa0;» est du type «&#xa0;%2&#xa0;», qui ne peut pas être importé.</translation>
    </message>
    <message>
        <source>A question has no name.</source>
        <translation>Une question n’a pas de nom.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no text.</source>
        <translation>La question «&#xa0;%1&#xa0;» n’a pas de texte.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has a default grade that is not a number: &quot;%2&quot;.</source>
        <translation>La question «&#xa0;%1&#xa0;» a une note par défaut qui n’est pas un nombre&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The matching question &quot;%1&quot; has no subquestions.</source>
        <translation>La question d’appariement «&#xa0;%1&#xa0;» n’a pas de sous-questions.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has no answers.</source>
        <translation>La question «&#xa0;%1&#xa0;» n’a pas de réponses.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer whose grade is not a percentage: &quot;%2&quot;.</source>
        <translation>La question «&#xa0;%1&#xa0;» a une réponse dont la note n’est pas un pourcentage&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer graded %2%, outside -100% to 100%.</source>
        <translation>La question «&#xa0;%1&#xa0;» a une réponse notée %2&#xa0;%, hors de -100&#xa0;% à 100&#xa0;%.</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; has an answer whose tolerance is not a number: &quot;%2&quot;.</source>
        <translation>La question «&#xa0;%1&#xa0;» a une réponse dont la tolérance n’est pas un nombre&#xa0;: «&#xa0;%2&#xa0;».</translation>
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
    <message>
        <source>must be valid Unicode text (it has a lone surrogate)</source>
        <translation>doit être un texte Unicode valide (il contient un demi-caractère de substitution isolé)</translation>
    </message>
    <message>
        <source>must not contain NUL characters</source>
        <translation>ne doit pas contenir de caractère NUL</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>ne doit pas contenir de caractères de contrôle</translation>
    </message>
    <message>
        <source>must be a language tag such as en or fr-CA</source>
        <translation>doit être une étiquette de langue comme en ou fr-CA</translation>
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
    <message>
        <source>must be a whole number from %1 to %2</source>
        <translation>doit être un nombre entier de %1 à %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lectern desktop: author courses and learn, online or offline.</source>
        <translation>Lectern pour ordinateur&#xa0;: créez des cours et apprenez, en ligne ou hors ligne.</translation>
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
