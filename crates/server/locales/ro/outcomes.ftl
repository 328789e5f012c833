# Pagina publică „Ați spus, am făcut” a unui parteneriat: obiectivele adoptate de parteneri, opiniile
# publicului pe care se sprijină acestea, poziția fiecărui partener și cum avansează acțiunile.
# Mesajele ale căror chei se termină în -html pot conține marcaje; toate celelalte sunt text simplu.

outcomes-title = Ați spus, am făcut: { $partnership }
outcomes-eyebrow = Ați spus, am făcut
outcomes-preview-html = Previzualizare: această pagină nu este încă publică. Un coordonator o publică din <a href="{ $href }">pagina parteneriatului</a>.
outcomes-lead = Ce au convenit partenerii să facă după ce au ascultat publicul, ce a spus fiecare partener și stadiul lucrărilor la data de { $date }.
outcomes-none = Partenerii nu au adoptat încă niciun obiectiv.
outcomes-adopted = Adoptat pe { $date }: { $summary }.
outcomes-adopted-version = Adoptat pe { $date }, în versiunea { $version }: { $summary }.
outcomes-summary-all = { $partners ->
        [one] singurul său partener îl susține
        [few] toți cei { $partners } parteneri îl susțin
       *[other] toți cei { $partners } de parteneri îl susțin
    }
outcomes-summary-some = { $endorsing } din { $partners ->
        [one] { $partners } partener
        [few] cei { $partners } parteneri
       *[other] cei { $partners } de parteneri
    } { $endorsing ->
        [one] îl susține
        [few] îl susțin
       *[other] îl susțin
    }
outcomes-summary-reservations = , { $count } cu rezerve
outcomes-summary-objecting = , { $count ->
        [one] 1 se opune
        [few] { $count } se opun
       *[other] { $count } se opun
    }
outcomes-summary-silent = , { $count ->
        [one] 1 nu a răspuns
        [few] { $count } nu au răspuns
       *[other] { $count } nu au răspuns
    }
outcomes-you-said = Ați spus
outcomes-evidence-from-html = Din dialogul <strong>{ $title }</strong>, după cum stăteau voturile pe { $date } ({ $weighting }):
outcomes-agreed = { $rate } de acord
outcomes-no-votes = Încă niciun vot
outcomes-counts = (de acord: { $agree }, nu sunt de acord: { $disagree }, sar peste: { $pass })
outcomes-by-constituency = Pe categorii
outcomes-constituency = { $name }: { $agreed } ({ $agree } din { $seen })
outcomes-no-dialogue = Acest obiectiv nu face trimitere la niciun dialog.
outcomes-partners = Partenerii
outcomes-stance-endorse = Susține
outcomes-stance-endorse-with-reservations = Susține cu rezerve
outcomes-stance-object = Se opune
outcomes-stance-none = Fără poziție
outcomes-stance-reason = Motiv: { $reason }
outcomes-stance-reservations = Rezerve: { $reason }
outcomes-sector-nhs = NHS
outcomes-sector-local-authority = Autoritate locală
outcomes-sector-voluntary = Sector voluntar
outcomes-sector-community = Grup comunitar
outcomes-sector-business = Mediul de afaceri
outcomes-sector-academic = Mediul academic
outcomes-sector-public = Sector public
outcomes-we-did = Am făcut
outcomes-status-planned = Planificată
outcomes-status-in-progress = În curs
outcomes-status-done = Realizată
outcomes-status-blocked = Blocată
outcomes-status-dropped = Abandonată
outcomes-late = Întârziată cu { $days } { $days ->
        [one] zi
        [few] zile
       *[other] de zile
    }
outcomes-action-by = { $owner }; responsabil: { $role }.
outcomes-action-by-due = { $owner }; responsabil: { $role }; termen: { $due }.
outcomes-action-by-shared = { $owner } împreună cu { $shared }; responsabil: { $role }.
outcomes-action-by-shared-due = { $owner } împreună cu { $shared }; responsabil: { $role }; termen: { $due }.
outcomes-no-actions = Încă nicio acțiune.
