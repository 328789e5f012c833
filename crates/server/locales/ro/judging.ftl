# Pagina pe care participanții unui dialog evaluează legăturile hărții sistemului parteneriatului.
# Mesajele ale căror chei se termină în -html pot conține marcaje; toate celelalte sunt text simplu.

judging-title = { $map }: ești de acord?
judging-lead = Partenerii au desenat această hartă a felului în care lucrurile din sistemul local se influențează unele pe altele. Fiecare legătură spune că mai mult dintr-un lucru duce la mai mult sau la mai puțin din altul. Ești de acord cu fiecare legătură? Răspunsul tău contează împreună cu ale grupurilor din care faci parte, fiecare grup având aceeași greutate.
judging-saved = { $total ->
        [one] Salvat. Ai evaluat { $judged } din { $total } legătură.
        [few] Salvat. Ai evaluat { $judged } din { $total } legături.
       *[other] Salvat. Ai evaluat { $judged } din { $total } de legături.
    }
judging-links-heading = Legăturile
judging-more = Mai mult „{ $from }” duce la mai mult „{ $to }”.
judging-less = Mai mult „{ $from }” duce la mai puțin „{ $to }”.
judging-more-delayed = Mai mult „{ $from }” duce, după o vreme, la mai mult „{ $to }”.
judging-less-delayed = Mai mult „{ $from }” duce, după o vreme, la mai puțin „{ $to }”.
judging-your-answer = (răspunsul tău: { $answer })
judging-evidence = Dovezi: { $note }
judging-agree = De acord
judging-disagree = Nu sunt de acord
judging-unsure = Nu sunt sigur(ă)
judging-save = Salvează
judging-save-which = răspunsul tău despre { $from } și { $to }
judging-no-links = Harta nu are încă legături.
judging-whole-map = Toată harta
judging-not-open = Această hartă nu este deschisă participanților acestui dialog.
judging-choose-link = Alege o legătură de pe hartă.
judging-choose-answer = Alege De acord, Nu sunt de acord sau Nu sunt sigur(ă).
