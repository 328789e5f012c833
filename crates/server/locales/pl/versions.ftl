# Tłumaczenia i wersje łatwe do czytania na stronach uczestnika.

## Stwierdzenie pokazane w innej wersji niż ta, w której zostało napisane

version-translation-mark = Tłumaczenie
version-easy-read-mark = Wersja łatwa do czytania
version-show-original = Pokaż oryginał ({ $language })
version-notice-waiting = Dziękujemy. Twoje stwierdzenie zostało zapisane. Inni zobaczą je, gdy zostanie przetłumaczone na język dialogu.

## Tekst łatwy do czytania

easy-switch-nav = Sposób czytania
easy-switch-on = Tekst łatwy do czytania
easy-switch-off = Zwykły widok
easy-vote-question = Czy się zgadzasz?
easy-vote-help = Przeczytaj zdanie. Potem naciśnij jeden przycisk.
easy-vote-agree = Tak, zgadzam się
easy-vote-disagree = Nie, nie zgadzam się
easy-vote-pass = Pomiń. Nie wiem
easy-progress = Odpowiedzi: { $voted } z { $total }
easy-done-heading = To już wszystkie zdania
easy-done-text = Dziękujemy. Wróć później. Mogą pojawić się nowe zdania.
easy-join-intro = Czytasz krótkie zdania. Mówisz, czy się zgadzasz.
easy-join-start = Zacznij
