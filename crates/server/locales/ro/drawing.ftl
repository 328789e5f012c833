# Desenul hărții sistemului unui parteneriat, cu legenda, rezumatul și tabelul care prezintă aceeași
# hartă sub formă de text. Este arătat partenerilor pe pagina hărții și participanților care evaluează
# legăturile ei, așa că există în toate limbile paginilor pentru participanți.

drawing-canvas-label = Desenul hărții; pe un ecran mic se poate derula
drawing-as-table = Aceeași hartă sub formă de tabel
drawing-table-label = Harta sub formă de tabel; pe un ecran mic se poate derula lateral
drawing-table-caption = Fiecare factor, partenerul responsabil, ce influențează și de ce este influențat
drawing-factor = Factor
drawing-owned-by = Partener responsabil
drawing-influences = Influențe
drawing-influenced-by = Influențat de
drawing-ripple = Propagarea efectelor
drawing-highlighted = evidențiat
drawing-partner-number = (nr. { $number } pe hartă)
drawing-delayed = cu întârziere
drawing-contested = contestată
drawing-none = Niciunul
drawing-not-reached = Neatins
drawing-partners-numbered = Partenerii, cu numerele de pe hartă:
drawing-partner-factors = { $count } { $count ->
        [one] factor
        [few] factori
       *[other] de factori
    }
drawing-more-to-more = mai mult duce la mai mult
drawing-more-to-less = mai mult duce la mai puțin
drawing-highlight-reinforcing = Evidențiată: bucla de întărire { $path }.
drawing-highlight-balancing = Evidențiată: bucla de echilibrare { $path }.
drawing-highlight-ripple = Evidențiată: propagarea efectelor la împingerea factorului { $factor } { $push }, care ajunge la { $count } { $count ->
        [one] factor
        [few] factori
       *[other] de factori
    }.
drawing-pushed-factor = factorul împins
drawing-pushed = împins
drawing-effect-mixed = mixt (cele mai scurte căi nu concordă)
drawing-summary-factors = { $factors } { $factors ->
        [one] factor
        [few] factori
       *[other] de factori
    }, cu { $partners } { $partners ->
        [one] partener responsabil
        [few] parteneri responsabili
       *[other] de parteneri responsabili
    }
drawing-summary-unowned = ({ $unowned } fără partener responsabil)
drawing-summary-influences = ; { $influences } { $influences ->
        [one] legătură
        [few] legături
       *[other] de legături
    }: { $positive } în care mai mult duce la mai mult, { $negative } în care mai mult duce la mai puțin; cu întârziere: { $delayed }, contestate: { $contested }.
drawing-link-more = { $from } → { $to }: mai mult „{ $from }” duce la mai mult „{ $to }”
drawing-link-less = { $from } → { $to }: mai mult „{ $from }” duce la mai puțin „{ $to }”
drawing-link-contested = ; contestată
drawing-link-evidence = . Dovezi: { $note }
drawing-factor-owned = { $name }. Partener responsabil: { $partner }
drawing-factor-unowned = { $name }. Niciun partener nu este responsabil de el
drawing-factor-links = . Factori pe care îi influențează: { $out }; factori care îl influențează: { $in }.
drawing-factor-ripple = Propagarea efectelor: { $words }.
drawing-default-title = Harta sistemului
drawing-desc-table = Tabelul factorilor prezintă aceeași hartă sub formă de text.
drawing-legend-partners = Factorii, după partener
drawing-legend-number = numărul: la câte legături distanță
drawing-no-partner = Fără partener
drawing-after-delay = , după o vreme

# Un refuz pe care un participant îl poate primi când judecă legăturile hărții.
drawing-refused-link-not-on-map = legătura nu există pe această hartă
