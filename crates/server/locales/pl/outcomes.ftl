# Publiczna strona partnerstwa „Powiedzieliście, zrobiliśmy”: cele przyjęte przez partnerów, wypowiedzi
# mieszkańców, na których się opierają, stanowisko każdego partnera i postęp działań.
# Komunikaty, których klucze kończą się na -html, mogą zawierać znaczniki; pozostałe to zwykły tekst.

outcomes-title = Powiedzieliście, zrobiliśmy: { $partnership }
outcomes-eyebrow = Powiedzieliście, zrobiliśmy
outcomes-preview-html = Podgląd: ta strona nie jest jeszcze publiczna. Koordynator publikuje ją na <a href="{ $href }">stronie partnerstwa</a>.
outcomes-lead = Co partnerzy postanowili zrobić po wysłuchaniu mieszkańców, co powiedział każdy z partnerów i jak postępują prace – stan na { $date }.
outcomes-none = Partnerzy nie przyjęli jeszcze żadnego celu.
outcomes-adopted = Przyjęty { $date }: { $summary }.
outcomes-adopted-version = Przyjęty { $date } w wersji { $version }: { $summary }.
outcomes-summary-all = { $partners ->
        [one] popiera go jedyny partner
        [few] popierają go wszyscy { $partners } partnerzy
        [many] popiera go wszystkich { $partners } partnerów
       *[other] popiera go wszystkich { $partners } partnerów
    }
outcomes-summary-some = popiera go { $endorsing } z { $partners } { $partners ->
        [one] partnera
        [few] partnerów
        [many] partnerów
       *[other] partnerów
    }
outcomes-summary-reservations = , { $count } z zastrzeżeniami
outcomes-summary-objecting = , { $count ->
        [one] 1 sprzeciwia się
        [few] { $count } sprzeciwiają się
        [many] { $count } sprzeciwia się
       *[other] { $count } sprzeciwia się
    }
outcomes-summary-silent = , { $count ->
        [one] 1 nie odpowiedział
        [few] { $count } nie odpowiedzieli
        [many] { $count } nie odpowiedziało
       *[other] { $count } nie odpowiedziało
    }
outcomes-you-said = Powiedzieliście
outcomes-evidence-from-html = Z dialogu <strong>{ $title }</strong>, według stanu głosów na { $date } ({ $weighting }):
outcomes-agreed = { $rate } się zgadza
outcomes-no-votes = Jeszcze brak głosów
outcomes-counts = (zgadza się: { $agree }, nie zgadza się: { $disagree }, pomija: { $pass })
outcomes-by-constituency = Według środowisk
outcomes-constituency = { $name }: { $agreed } ({ $agree } z { $seen })
outcomes-no-dialogue = Ten cel nie odwołuje się do żadnego dialogu.
outcomes-partners = Partnerzy
outcomes-stance-endorse = Popiera
outcomes-stance-endorse-with-reservations = Popiera z zastrzeżeniami
outcomes-stance-object = Sprzeciwia się
outcomes-stance-none = Brak stanowiska
outcomes-stance-reason = Powód: { $reason }
outcomes-stance-reservations = Zastrzeżenia: { $reason }
outcomes-sector-nhs = NHS
outcomes-sector-local-authority = Samorząd lokalny
outcomes-sector-voluntary = Sektor pozarządowy
outcomes-sector-community = Grupa społeczności lokalnej
outcomes-sector-business = Biznes
outcomes-sector-academic = Środowisko akademickie
outcomes-sector-public = Sektor publiczny
outcomes-we-did = Zrobiliśmy
outcomes-status-planned = Zaplanowane
outcomes-status-in-progress = W toku
outcomes-status-done = Wykonane
outcomes-status-blocked = Zablokowane
outcomes-status-dropped = Zaniechane
outcomes-late = Opóźnione o { $days } { $days ->
        [one] dzień
        [few] dni
        [many] dni
       *[other] dni
    }
outcomes-action-by = { $owner }; prowadzi: { $role }.
outcomes-action-by-due = { $owner }; prowadzi: { $role }; termin: { $due }.
outcomes-action-by-shared = { $owner } (współpraca: { $shared }); prowadzi: { $role }.
outcomes-action-by-shared-due = { $owner } (współpraca: { $shared }); prowadzi: { $role }; termin: { $due }.
outcomes-no-actions = Na razie brak działań.
