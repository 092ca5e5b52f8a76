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
