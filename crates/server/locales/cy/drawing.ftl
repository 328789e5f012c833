# Darlun map system partneriaeth, gyda'i allwedd, ei grynodeb a'r tabl sy'n rhoi'r un map fel
# testun. Fe'i dangosir i'r partneriaid ar dudalen y map ac i'r cyfranogwyr sy'n barnu ei gysylltiadau.

drawing-canvas-label = Y darlun; ar sgrin fach mae'n sgrolio
drawing-as-table = Yr un map fel tabl
drawing-table-label = Y map fel tabl; ar sgrin fach mae'n sgrolio i'r ochr
drawing-table-caption = Pob ffactor, y partner sy'n berchen arno, yr hyn y mae'n dylanwadu arno a'r hyn sy'n dylanwadu arno
drawing-factor = Ffactor
drawing-owned-by = Yn eiddo i
drawing-influences = Yn dylanwadu ar
drawing-influenced-by = Dan ddylanwad
drawing-ripple = Effaith ymledol
drawing-highlighted = wedi'i amlygu
drawing-partner-number = ({ $number } ar y map)
drawing-delayed = gydag oedi
drawing-contested = dadleuol
drawing-none = Dim
drawing-not-reached = Heb ei gyrraedd
drawing-partners-numbered = Partneriaid fel y'u rhifwyd ar y map:
drawing-partner-factors = { $count } ffactor
drawing-more-to-more = mae mwy yn arwain at fwy
drawing-more-to-less = mae mwy yn arwain at lai
drawing-highlight-reinforcing = Wedi'i hamlygu: y ddolen atgyfnerthu { $path }.
drawing-highlight-balancing = Wedi'i hamlygu: y ddolen gydbwyso { $path }.
drawing-highlight-ripple = Wedi'i hamlygu: effaith ymledol gwthio { $factor } { $push }, sy'n cyrraedd { $count } ffactor.
drawing-pushed-factor = y ffactor a wthiwyd
drawing-pushed = wedi'i wthio
drawing-effect-mixed = cymysg (mae'r llwybrau byrraf yn anghytuno)
drawing-summary-factors = { $factors } ffactor yn eiddo i { $partners ->
        [one] { $partners } partner
        [two] { $partners } bartner
       *[other] { $partners } partner
    }
drawing-summary-unowned = ({ $unowned } heb berchennog)
drawing-summary-influences = ; { $influences ->
        [two] { $influences } ddylanwad
       *[other] { $influences } dylanwad
    }: { $positive } lle mae mwy yn arwain at fwy, { $negative } lle mae mwy yn arwain at lai; { $delayed } gydag oedi, { $contested } yn ddadleuol.
drawing-link-more = { $from } → { $to }: mae mwy o “{ $from }” yn arwain at fwy o “{ $to }”
drawing-link-less = { $from } → { $to }: mae mwy o “{ $from }” yn arwain at lai o “{ $to }”
drawing-link-contested = ; dadleuol
drawing-link-evidence = . Tystiolaeth: { $note }
drawing-factor-owned = { $name }. Yn eiddo i { $partner }
drawing-factor-unowned = { $name }. Nid yw'n eiddo i'r un partner
drawing-factor-links = . Yn dylanwadu ar { $out }; dan ddylanwad { $in }.
drawing-factor-ripple = Effaith ymledol: { $words }.
drawing-default-title = Map system
drawing-desc-table = Mae tabl y ffactorau yn rhoi'r un map fel testun.
drawing-legend-partners = Ffactorau fesul partner
drawing-legend-number = y rhif: cysylltiadau i ffwrdd
drawing-no-partner = Dim partner
drawing-after-delay = , ar ôl oedi

# Gwrthodiad y gall cyfranogwr ei gael wrth farnu cysylltiadau'r map.
drawing-refused-link-not-on-map = nid yw'r cysylltiad ar y map hwn
