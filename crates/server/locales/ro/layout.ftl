# Ce au în comun toate paginile: aspectul, alegerea limbii și paginile de eroare.
# Mesajele ale căror chei se termină în -html pot conține marcaje.

-brand = Common Ground

layout-site-name = { -brand }
layout-skip-link = Salt la conținut
layout-convenor-nav = Coordonator
layout-your-partnerships = Parteneriatele tale
layout-sign-out = Deconectare
layout-footer = { -brand }: fiecare om are aceeași valoare, fiecare punct de vedere aceeași greutate.
layout-language-switcher = Limba

error-where-next = Unde mergi mai departe
error-start-page = Mergi la pagina de start
error-title-not-found = Nu a fost găsit
error-title-not-allowed = Nu este permis
error-title-sign-in = Trebuie să te autentifici
error-title-server = Ceva nu a mers bine
error-title-other = Nu a funcționat
error-title-page-not-found = Pagina nu a fost găsită
error-page-not-found = Nu există nicio pagină la această adresă. Poate a fost scrisă greșit sau pagina a fost mutată.
error-internal = Ceva nu a mers bine din partea noastră. Dacă se întâmplă din nou, spune-le celor care administrează acest site această referință: { $reference }.
error-unavailable = Serviciul este ocupat sau repornește. Te rugăm să încerci din nou peste câteva momente.
error-form-expired = Acest formular a expirat sau nu a venit de pe acest site. Întoarce-te, reîncarcă pagina și încearcă din nou.
error-back-to-dialogue = Înapoi la dialog
error-back-to-dashboard = Mergi la panoul dialogului
error-back-to-partnership = Mergi la pagina parteneriatului
error-back-to-partnerships = Mergi la parteneriatele tale
error-back-to-referer = Înapoi la pagina de unde ai venit
