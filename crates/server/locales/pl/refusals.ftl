# Odmowy wspólne dla API i stron: powody, dla których usługa nie robi tego, o co ją poproszono.
# API wysyła tekst angielski; strona podaje tę samą odmowę w języku swojego czytelnika. Każda
# zaczyna się małą literą i nie kończy kropką, tak jak pisze je API; strona robi z niej zdanie.

refused-unauthenticated = aby to zrobić, trzeba się zalogować albo mieć ważny klucz uczestnika
refused-not-open = dialog nie jest jeszcze otwarty: otwiera się { $opens } ({ $moment })
refused-no-dialogue = nie ma takiego dialogu
refused-no-statement = w tym dialogu nie ma takiego stwierdzenia
refused-no-partnership = nie ma takiego partnerstwa
refused-constituency-not-in-dialogue = jedno z podanych środowisk nie należy do tego dialogu
refused-not-found = { $entity }: nie znaleziono
refused-in-another-dialogue = { $entity }: należy do innego dialogu
refused-duplicate = { $entity }: już istnieje wpis z tymi samymi danymi ({ $field })
refused-duplicate-statement = dialog ma już to stwierdzenie (stwierdzenie { $statement })
refused-rate-limited = zbyt wiele prób w krótkim czasie; spróbuj ponownie za { $seconds ->
        [one] sekundę
        [few] { $seconds } sekundy
        [many] { $seconds } sekund
       *[other] { $seconds } sekundy
    }
refused-idempotency-key-reused = ten sam formularz został już wysłany z innym głosem
refused-dialogue-closed = dialog jest zamknięty
refused-statements-disabled = dialog nie przyjmuje stwierdzeń od uczestników
refused-statement-rejected = stwierdzenie zostało odrzucone w moderacji
refused-statement-pending = stwierdzenie czeka na moderację
refused-statement-untranslated = stwierdzenie czeka na tłumaczenie na język dialogu
refused-partner-archived = partner jest zarchiwizowany
refused-invitation-used = zaproszenie zostało już wykorzystane
refused-invitation-revoked = zaproszenie zostało cofnięte
refused-invitation-expired = zaproszenie wygasło
refused-stale-version = aktualna wersja celu to teraz wersja { $version }
refused-objective-closed = na obecnym etapie cel nie pozwala na tę zmianę
refused-decision-basis-changed = podczas przyjmowania celu coś się zmieniło: stanowisko partnera, wersja celu, zasada podejmowania decyzji albo lista partnerów; sprawdź cel jeszcze raz
refused-objective-not-adopted = działania można dodawać tylko do przyjętego celu
refused-constituency-not-in-list = jedno z podanych środowisk nie należy do tej listy priorytetów
refused-not-in-list = { $entity }: nie należy do tej listy priorytetów
refused-in-another-partnership = { $entity }: należy do innego partnerstwa
refused-list-closed = lista priorytetów jest zamknięta
refused-options-disabled = lista priorytetów nie przyjmuje opcji od uczestników
refused-duplicate-option = lista priorytetów ma już tę opcję (opcja { $option })
refused-option-rejected = opcja została odrzucona w moderacji
refused-option-pending = opcja czeka na moderację
refused-pair-compared = ten uczestnik porównał już te dwie opcje
refused-wave-closed = tura ankiety zaufania jest zamknięta
refused-map-closed = mapa systemu jest zamknięta
refused-in-another-map = { $entity }: należy do innej mapy systemu
refused-trust-response-incomplete = wysłana odpowiedź musi podawać poziom dla każdego z pozostałych partnerów; brakuje go dla partnerów: { $partners }

# Nazwy rodzajów wpisów, które wymieniają powyższe odmowy.
refused-entity-partnership = partnerstwo
refused-entity-partner = partner
refused-entity-convenor = koordynator
refused-entity-session = sesja
refused-entity-dialogue = dialog
refused-entity-constituency = środowisko
refused-entity-statement = stwierdzenie
refused-entity-participant = uczestnik
refused-entity-invitation = zaproszenie
refused-entity-representative = przedstawiciel partnera
refused-entity-objective = cel
refused-entity-action = działanie
refused-entity-priority-list = lista priorytetów
refused-entity-option = opcja
refused-entity-trust-wave = tura ankiety zaufania
refused-entity-system-map = mapa systemu
refused-entity-factor = czynnik
refused-entity-link = powiązanie
refused-entity-flag = zgłoszenie
refused-entity-round = runda

# Wartości, które muszą być niepowtarzalne.
refused-field-name = nazwa
refused-field-email = adres e-mail
refused-field-external-id = identyfikator zewnętrzny
refused-field-participant-code = kod uczestnika
refused-field-dialogue-participant = uczestnik dialogu
refused-field-pair-of-factors = para czynników
refused-field-statement-and-participant = stwierdzenie i uczestnik

# Tekst odrzucony przez zasady, których przestrzega każdy tekst; $field to jedna z nazw poniżej.
refused-text-empty = { $field }: nic nie wpisano
refused-text-too-long = { $field }: ma więcej niż { $max ->
        [one] { $max } znak
        [few] { $max } znaki
        [many] { $max } znaków
       *[other] { $max } znaku
    }
refused-text-control = { $field }: zawiera ukryty znak sterujący
refused-text-direction = { $field }: zawiera niewidoczny znak kierunku { $code }, który może ukryć treść; usuń go
refused-text-invisible = { $field }: nie ma żadnego widocznego znaku, tylko spacje, niewidoczne formatowanie lub akcenty bez litery
refused-text-statement = treść stwierdzenia
refused-text-dialogue-title = tytuł dialogu
refused-text-dialogue-question = pytanie dialogu
refused-text-description = opis
refused-text-partnership-name = nazwa partnerstwa
refused-text-purpose = cel partnerstwa
refused-text-partner-name = nazwa partnera
refused-text-constituency-name = nazwa środowiska
refused-text-objective-title = tytuł celu
refused-text-objective-text = treść celu
refused-text-reason = powód
refused-text-amendment = poprawka
refused-text-action-title = tytuł działania
refused-text-lead-role = rola prowadząca
refused-text-progress-note = notatka o postępach
refused-text-priority-list-title = tytuł listy priorytetów
refused-text-priority-question = pytanie listy priorytetów
refused-text-option = treść opcji
refused-text-wave-title = tytuł tury ankiety
refused-text-idempotency-key = klucz formularza

# A refusal the catalogues cannot word, as the service words it.
refused-as-written = { $message }
