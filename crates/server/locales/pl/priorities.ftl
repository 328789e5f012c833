# Strony uczestnika listy priorytetów: dołączanie, porównywanie dwóch opcji naraz, dodawanie
# opcji, „Twoje dane” i ich usuwanie. Komunikaty wspólne ze stronami dialogu są w participant.ftl.
# Komunikaty, których klucze kończą się na -html, mogą zawierać znaczniki; pozostałe to zwykły tekst.

## Wspólne dla kilku stron

priority-closed-heading = Ta lista priorytetów jest zamknięta
priority-results-link = Zobacz wyniki
priority-your-data-link = Twoje dane: zobacz, pobierz albo usuń to, co ta lista o Tobie przechowuje
priority-or = albo
priority-progress-none = Nie porównałeś(-aś) jeszcze żadnej pary.
priority-form-expired = Ten formularz wygasł albo nie pochodzi z tej strony. Niczego nie zapisano. Wróć, odśwież stronę i spróbuj ponownie.

## Dołączanie

priority-join-step-pairs = Zobaczysz dwie opcje naraz.
priority-join-step-choose-html = Wybierz tę, którą partnerstwo powinno zrealizować najpierw, albo powiedz, że <strong>nie możesz się zdecydować</strong>.
priority-join-step-any = Odpowiedz na tyle par, na ile chcesz: każda odpowiedź się liczy i możesz przerwać w dowolnym momencie.
priority-join-step-add = Jeśli czegoś brakuje, możesz dodać własną opcję.
priority-join-step-equal = W wynikach każda grupa ludzi liczy się na równi, bez względu na to, ile osób z każdej z nich bierze udział.
priority-join-start = Zacznij porównywać
priority-join-closed-text = Nie przyjmuje już nowych uczestników, opcji ani porównań. Dziękujemy wszystkim, którzy wzięli udział.

## Porównywanie

priority-compare-title = Porównaj · { $list }
priority-progress = { $count ->
        [one] Porównałeś(-aś) { $count } parę.
        [few] Porównałeś(-aś) { $count } pary.
       *[other] Porównałeś(-aś) { $count } par.
    }
priority-closed-compare-text = Nie przyjmuje już porównań. Dziękujemy za udział.
priority-pair-heading = Wybierz, co zrobić najpierw
priority-undecided-legend = Nie możesz się zdecydować? Jeśli chcesz, powiedz dlaczego
priority-reason-equal = Obie są tak samo ważne
priority-reason-unknown = Nie wiem wystarczająco dużo
priority-undecided = Nie mogę się zdecydować
priority-keyboard-hint = Klawiatura: naciśnij 1 lub ←, aby wybrać pierwszą opcję, 2 lub →, aby wybrać drugą, 0 lub N, aby wybrać „Nie mogę się zdecydować”.
priority-done-heading = Porównałeś(-aś) wszystkie pary
priority-done-text = Dziękujemy: każda para opcji, którą możemy Ci pokazać, ma już Twoją odpowiedź. Opcje dodane później mogą utworzyć nowe pary, więc możesz tu wrócić.
priority-notice-recorded = Twój wybór został zapisany.
priority-notice-replayed = Ten wybór był już zapisany; liczy się raz.
priority-notice-already = Ta para miała już Twoją odpowiedź, więc obowiązuje pierwsza z nich. Oto kolejna para.
priority-missing-options = Wybór nie wskazywał, których dwóch opcji dotyczy. Niczego nie zapisano.
priority-missing-choice = Wybierz jedną z dwóch opcji albo „Nie mogę się zdecydować”. Niczego nie zapisano.
priority-unknown-reason = Ta strona nie oferuje takiego powodu dla „Nie mogę się zdecydować”. Niczego nie zapisano.
priority-too-fast = Wybierasz szybciej, niż pozwala ta lista, więc ten wybór nie został zapisany. Odczekaj { $wait } i wybierz ponownie: ta sama para jest poniżej.
priority-closed-late = Ta lista priorytetów została zamknięta, zanim dotarł Twój wybór, więc nie został zapisany. Dziękujemy za udział: link do wyników jest poniżej.
priority-not-in-list = Jednej z opcji nie ma na tej liście priorytetów. Niczego nie zapisano. Wróć do listy i wybierz ponownie.

## Dodawanie opcji

priority-add-heading = Czegoś brakuje?
priority-add-lead = Dodaj opcję, którą wszyscy będą porównywać. Opcje mówiące to samo co opcja, która już jest na liście, nie są dodawane drugi raz.
priority-add-lead-moderated = Dodaj opcję, którą wszyscy będą porównywać. Koordynator sprawdza każdą opcję, zanim zobaczą ją inni. Opcje mówiące to samo co opcja, która już jest na liście, nie są dodawane drugi raz.
priority-option-label = Twoja opcja
priority-option-hint = { $max ->
        [one] Najwyżej { $max } znak: jedna rzecz, którą partnerstwo mogłoby zrobić.
        [few] Najwyżej { $max } znaki: jedna rzecz, którą partnerstwo mogłoby zrobić.
       *[other] Najwyżej { $max } znaków: jedna rzecz, którą partnerstwo mogłoby zrobić.
    }
priority-option-submit = Dodaj tę opcję
priority-option-error = Twoja opcja: { $message }
priority-option-too-fast = Dodajesz opcje szybciej, niż pozwala ta lista. Twój tekst jest zachowany poniżej: odczekaj { $wait } i wyślij go ponownie.
priority-option-duplicate = Na tej liście jest już opcja, która mówi to samo. Porównaj ją, gdy się pojawi, albo zaproponuj coś innego.
priority-option-limit = Dodałeś(-aś) już tyle opcji, ile może dodać jedna osoba ({ $limit }). Dziękujemy: porównaj teraz opcje innych.
priority-option-disabled = Ta lista nie przyjmuje opcji od uczestników.
priority-option-closed = Ta lista priorytetów została zamknięta, więc nie przyjmuje już opcji.
priority-notice-option-added = Dziękujemy. Twoja opcja została dodana i inni zostaną o nią zapytani.
priority-notice-option-pending = Dziękujemy. Twoja opcja będzie porównywana, gdy zaakceptuje ją koordynator. Jej stan możesz sprawdzić poniżej i w „Twoich danych”.
priority-mine-heading = Dodane przez Ciebie opcje
priority-status-rejected = nieprzyjęta
priority-status-accepted = porównywana
priority-status-pending-shown = porównywana; koordynator może ją jeszcze sprawdzić
priority-status-pending = czeka na koordynatora

## Twoje dane

priority-my-data-title = Twoje dane · { $list }
priority-my-data-lead = To wszystko, co ta lista priorytetów o Tobie przechowuje. Tę stronę może zobaczyć tylko przeglądarka, która ma Twój losowy klucz, ten przechowywany przez to urządzenie w pliku cookie.
priority-my-data-linked = Połączyłeś(-aś) ten udział ze swoim udziałem w dialogu partnerstwa, więc wyniki mogą uwzględnić Twoją grupę opinii z tego dialogu.
priority-comparisons-heading = Twoje porównania
priority-comparisons-count = { $count ->
        [one] Porównałeś(-aś) { $count } parę.
        [few] Porównałeś(-aś) { $count } pary.
       *[other] Porównałeś(-aś) { $count } par.
    }
priority-comparisons-caption = Każda porównana przez Ciebie para, od najstarszej
priority-column-pair = Para
priority-column-answer = Twoja odpowiedź
priority-answer-first = Najpierw „{ $option }”
priority-answer-undecided = Nie mogę się zdecydować
priority-answer-equal = Nie mogę się zdecydować: obie są tak samo ważne
priority-answer-unknown = Nie mogę się zdecydować: nie wiem wystarczająco dużo
priority-no-options = Nie dodałeś(-aś) żadnej opcji.
priority-my-data-erase-lead = W każdej chwili możesz usunąć swoje porównania i opcje z tej listy, nawet po jej zamknięciu. Najpierw poprosimy o potwierdzenie.
priority-back-to-comparing = Wróć do porównywania

## Usuwanie danych

priority-erase-title = Usuń swoje dane · { $list }
priority-erase-comparisons = { $count ->
        [one] Twoje { $count } porównanie zostanie usunięte, a wyniki przestaną je liczyć.
        [few] Twoje { $count } porównania zostaną usunięte, a wyniki przestaną je liczyć.
       *[other] Twoich { $count } porównań zostanie usuniętych, a wyniki przestaną je liczyć.
    }
priority-erase-options = { $count ->
        [one] Jeśli nikt inny nie porównywał dodanej przez Ciebie opcji, zostanie ona usunięta. Jeśli inni ją porównywali, zostaje, bo dotyczą jej ich odpowiedzi, ale nie będzie już z Tobą powiązana.
       *[other] Spośród { $count } dodanych przez Ciebie opcji usunięte zostaną te, których nikt inny nie porównywał. Te, które inni porównywali, zostają, bo dotyczą ich odpowiedzi innych, ale nie będą już z Tobą powiązane.
    }
priority-erase-join-again = Potem możesz ponownie dołączyć do listy jako nowy uczestnik.
priority-erase-confirm = Rozumiem, że moje porównania i opcje zostaną usunięte na zawsze

## Po usunięciu

priority-erased-title = Twoje dane zostały usunięte · { $list }
priority-erased-comparisons = { $count ->
        [one] Usunięto { $count } porównanie; wyniki już go nie liczą.
        [few] Usunięto { $count } porównania; wyniki już ich nie liczą.
       *[other] Usunięto { $count } porównań; wyniki już ich nie liczą.
    }
priority-erased-options-removed = { $count ->
        [one] Usunięto { $count } Twoją opcję.
        [few] Usunięto { $count } Twoje opcje.
       *[other] Usunięto { $count } Twoich opcji.
    }
priority-erased-options-unlinked = { $count ->
        [one] { $count } Twoja opcja została zachowana dla osób, które ją porównywały, ale nie jest już z Tobą powiązana.
        [few] { $count } Twoje opcje zostały zachowane dla osób, które je porównywały, ale nie są już z Tobą powiązane.
       *[other] { $count } Twoich opcji zostało zachowanych dla osób, które je porównywały, ale nie są już z Tobą powiązane.
    }
priority-erased-back-html = <a href="{ $href }">Wróć do listy</a>, gdzie możesz dołączyć ponownie jako nowy uczestnik.

## Wyniki, które każdy może przeczytać

priority-results-title = Wyniki · { $list }
priority-results-eyebrow = Wyniki
priority-results-eyebrow-open = Wyniki do tej pory
priority-results-empty-heading = Nie ma jeszcze porównań
priority-results-empty = Nikt jeszcze nie porównał dwóch opcji z tej listy. Gdy ludzie zaczną porównywać, ta strona pokaże, które opcje partnerstwo powinno według nich zrealizować najpierw, ogółem i w każdej grupie ludzi, oraz jak pewna jest ta kolejność.
priority-results-empty-waiting = { $count ->
        [one] Nikt jeszcze nie porównał dwóch opcji z tej listy; czeka na to { $count } opcja. Gdy ludzie zaczną porównywać, ta strona pokaże, które opcje partnerstwo powinno według nich zrealizować najpierw, ogółem i w każdej grupie ludzi, oraz jak pewna jest ta kolejność.
        [few] Nikt jeszcze nie porównał dwóch opcji z tej listy; czekają na to { $count } opcje. Gdy ludzie zaczną porównywać, ta strona pokaże, które opcje partnerstwo powinno według nich zrealizować najpierw, ogółem i w każdej grupie ludzi, oraz jak pewna jest ta kolejność.
       *[other] Nikt jeszcze nie porównał dwóch opcji z tej listy; czeka na to { $count } opcji. Gdy ludzie zaczną porównywać, ta strona pokaże, które opcje partnerstwo powinno według nich zrealizować najpierw, ogółem i w każdej grupie ludzi, oraz jak pewna jest ta kolejność.
    }
priority-results-take-part = Weź udział
priority-results-go-on = Porównuj dalej
priority-results-as-data = Te wyniki jako dane (JSON)
priority-results-in-short = W skrócie
priority-results-made = { $participants ->
        [one] { $participants } osoba wykonała
        [few] { $participants } osoby wykonały
       *[other] { $participants } osób wykonało
    } { $comparisons ->
        [one] { $comparisons } porównanie
        [few] { $comparisons } porównania
       *[other] { $comparisons } porównań
    } dotyczących { $options } opcji.
priority-results-decided = W { $decided } z nich jedną z opcji wybrano jako pierwszą.
priority-results-decided-undecided = W { $decided } z nich jedną z opcji wybrano jako pierwszą; { $undecided ->
        [one] { $undecided } raz
       *[other] { $undecided } razy
    } ludzie nie mogli się zdecydować.
priority-results-first-html = Na pierwszym miejscu: <strong>{ $option }</strong>
priority-results-first-equal-html = Gdy każda grupa ludzi liczy się na równi, na pierwszym miejscu jest: <strong>{ $option }</strong>
priority-results-equal-weight-html = Każda grupa ludzi liczy się raz, bez względu na to, ilu jej członków wzięło udział: <strong>wynik przy równych wagach</strong> to średnia wyników, jakie poszczególne grupy dają opcji ({ $groups }). <strong>Wynik ogólny</strong> obok liczy każde porównanie tak samo.
priority-results-head-count-only = Żadna grupa ludzi nie ma jeszcze porównania, w którym coś wygrało, więc ranking liczy każde porównanie tak samo (wynik ogólny).
priority-results-score-explained = Wynik to szansa, na 100, że opcja zostanie wybrana jako pierwsza zamiast innej, losowo wybranej opcji z listy. Narysowana linia pokazuje, gdzie prawdopodobnie leży wynik ogólny (przedział 95%): im więcej porównań, tym krótsza linia.
priority-results-ranking-heading = Ranking
priority-results-caption-equal = Wszystkie opcje według wyniku przy równych wagach, z oboma wynikami
priority-results-caption-head-count = Wszystkie opcje według wyniku ogólnego, z oboma wynikami
priority-results-column-rank = Miejsce
priority-results-column-option = Opcja
priority-results-column-equal-weight = Wynik przy równych wagach
priority-results-column-head-count = Wynik ogólny
priority-results-column-head-count-range = Wynik ogólny i jego prawdopodobny zakres
priority-results-column-record = Wybrana jako pierwsza / nie / trudno zdecydować
priority-results-rank-likely = (miejsce { $rank }; prawdopodobnie od { $low } do { $high })
priority-results-axis = Oś każdego rysunku biegnie od 0 po lewej do 100 po prawej; cienka kreska pośrodku to 50, czyli równe szanse.
priority-results-groups-heading = Co każda grupa stawia na pierwszym miejscu
priority-results-groups-lead = Pierwsze { $top } miejsc w rankingu każdej grupy, wyłącznie na podstawie porównań jej członków.
priority-results-group-counts = { $participants ->
        [one] { $participants } osoba
        [few] { $participants } osoby
       *[other] { $participants } osób
    }, { $comparisons ->
        [one] { $comparisons } porównanie
        [few] { $comparisons } porównania
       *[other] { $comparisons } porównań
    }.
priority-results-group-counts-uncounted = { $participants ->
        [one] { $participants } osoba
        [few] { $participants } osoby
       *[other] { $participants } osób
    }, { $comparisons ->
        [one] { $comparisons } porównanie
        [few] { $comparisons } porównania
       *[other] { $comparisons } porównań
    }; grupa nie jest jeszcze liczona w wyniku przy równych wagach, bo w żadnym z jej porównań nic nie wygrało.
priority-results-score = (wynik { $score })
priority-results-group-none = Ta grupa nie ma jeszcze porównań.
priority-results-divergence-heading = Gdzie grupy różnią się najbardziej
priority-results-divergence-html = Najbardziej różnią się <strong>{ $first }</strong> i <strong>{ $second }</strong>: wśród pierwszych { $size } miejsc mają { $shared ->
        [one] { $shared } wspólną opcję
        [few] { $shared } wspólne opcje
       *[other] { $shared } wspólnych opcji
    }.
priority-results-only = Tylko u { $group } w pierwszych { $size } miejscach
priority-results-other-rank = ({ $group }: miejsce { $rank })
priority-results-shortlist-heading = Krótka lista na warsztat
priority-results-shortlist-lead = Podobnie jak w partnerstwie ustalającym priorytety według metody James Lind Alliance, krótka lista obejmuje każdą opcję, którą co najmniej jedna grupa umieściła wśród swoich pierwszych { $size } miejsc, aby priorytety żadnej grupy nie zostały pominięte w końcowej dyskusji. Punkty sumują się ze wszystkich grup: { $size } za pierwsze miejsce w grupie, 1 za miejsce { $size }.
priority-results-shortlist-caption = Krótka lista, od największej liczby punktów
priority-results-column-points = Punkty
priority-results-column-in-top = Wśród pierwszych { $size } miejsc w grupach
priority-results-added-heading = Opcje dodane przez uczestników
priority-results-added-html = <strong>{ $option }</strong>: miejsce { $rank } z { $total } (wynik { $score }).
priority-results-added-shortlisted-html = <strong>{ $option }</strong>: miejsce { $rank } z { $total } (wynik { $score }), na krótkiej liście.

## Czego odmawia usługa: każdy komunikat zaczyna się małą literą, bez kropki na końcu; strona
## robi z niego zdanie.

priority-refused-not-a-constituency = { $name } nie jest środowiskiem tej listy priorytetów
priority-refused-dialogue-token = klucz z dialogu nie należy do uczestnika dialogu, z którym połączona jest ta lista
priority-refused-same-option = lewa i prawa opcja muszą być różnymi opcjami
priority-refused-reason-not-neither = powód można podać tylko przy wyborze `neither` („Nie mogę się zdecydować”)
priority-refused-option-limit = limit opcji, które jeden uczestnik może dodać do listy priorytetów, wynosi { $allowed }; zamiast tego porównaj opcje innych
priority-refused-results-for-convenors = wyniki tej listy priorytetów są tylko dla koordynatorów jej partnerstwa
