# Rysunek mapy systemu partnerstwa z legendą, podsumowaniem i tabelą, która przedstawia tę samą mapę
# jako tekst. Widzą go partnerzy na stronie mapy i uczestnicy, którzy oceniają jej powiązania,
# dlatego jest dostępny we wszystkich językach stron dla uczestników.

drawing-canvas-label = Rysunek mapy; na małym ekranie można go przewijać
drawing-as-table = Ta sama mapa w formie tabeli
drawing-table-label = Mapa w formie tabeli; na małym ekranie można ją przewijać w bok
drawing-table-caption = Każdy czynnik, partner, do którego należy, na co wpływa i co wpływa na niego
drawing-factor = Czynnik
drawing-owned-by = Należy do
drawing-influences = Wpływy
drawing-influenced-by = Pod wpływem
drawing-ripple = Fala skutków
drawing-highlighted = wyróżniony
drawing-partner-number = (nr { $number } na mapie)
drawing-delayed = z opóźnieniem
drawing-contested = sporne
drawing-none = Brak
drawing-not-reached = Poza zasięgiem
drawing-partners-numbered = Partnerzy według numerów na mapie:
drawing-partner-factors = { $count } { $count ->
        [one] czynnik
        [few] czynniki
        [many] czynników
       *[other] czynnika
    }
drawing-more-to-more = im więcej, tym więcej
drawing-more-to-less = im więcej, tym mniej
drawing-highlight-reinforcing = Wyróżniono: pętla wzmacniająca { $path }.
drawing-highlight-balancing = Wyróżniono: pętla równoważąca { $path }.
drawing-highlight-ripple = Wyróżniono: fala skutków przesunięcia czynnika { $factor } { $push }, docierająca do { $count } { $count ->
        [one] czynnika
        [few] czynników
        [many] czynników
       *[other] czynnika
    }.
drawing-pushed-factor = przesunięty czynnik
drawing-pushed = przesunięty
drawing-effect-mixed = niejednoznacznie (najkrótsze ścieżki dają różny wynik)
drawing-summary-factors = { $factors } { $factors ->
        [one] czynnik należący
        [few] czynniki należące
        [many] czynników należących
       *[other] czynnika należącego
    } do { $partners } { $partners ->
        [one] partnera
        [few] partnerów
        [many] partnerów
       *[other] partnera
    }
drawing-summary-unowned = ({ $unowned } bez partnera)
drawing-summary-influences = ; { $influences } { $influences ->
        [one] powiązanie
        [few] powiązania
        [many] powiązań
       *[other] powiązania
    }: { $positive } typu „im więcej, tym więcej”, { $negative } typu „im więcej, tym mniej”; z opóźnieniem: { $delayed }, sporne: { $contested }.
drawing-link-more = { $from } → { $to }: gdy rośnie „{ $from }”, rośnie też „{ $to }”
drawing-link-less = { $from } → { $to }: gdy rośnie „{ $from }”, maleje „{ $to }”
drawing-link-contested = ; sporne
drawing-link-evidence = . Dowody: { $note }
drawing-factor-owned = { $name }. Należy do: { $partner }
drawing-factor-unowned = { $name }. Nie należy do żadnego partnera
drawing-factor-links = . Liczba czynników, na które wpływa: { $out }; które wpływają na niego: { $in }.
drawing-factor-ripple = Fala skutków: { $words }.
drawing-default-title = Mapa systemu
drawing-desc-table = Tabela czynników przedstawia tę samą mapę jako tekst.
drawing-legend-partners = Czynniki według partnerów
drawing-legend-number = liczba: ile powiązań dalej
drawing-no-partner = Bez partnera
drawing-after-delay = , z opóźnieniem

# Odmowa, którą uczestnik może zobaczyć, oceniając powiązania na mapie.
drawing-refused-link-not-on-map = na tej mapie nie ma takiego powiązania
