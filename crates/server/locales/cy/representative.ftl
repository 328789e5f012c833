# Y tudalennau y mae cynrychiolydd partner yn gweithio ynddynt: ffurflen ateb yr arolwg ymddiriedaeth.
# Gall negeseuon y mae eu hallweddau'n gorffen ag -html gynnwys marcio.

trust-answer-eyebrow = Ymddiriedaeth rhwng partneriaid: { $partnership }
trust-answer-heading = { $wave }: atebion ar ran { $partner }
trust-answer-lead = Ar gyfer pob partner arall, dywedwch pa mor agos y mae { $partner } yn gweithio gydag ef ac, os o gwbl, sut y mae'n ei weld. Gallwch gadw eich atebion hanner ffordd a gorffen yn nes ymlaen.
trust-answer-status = Statws
trust-answer-answered = Partneriaid a atebwyd
trust-answer-answered-count = { $answered } o { $total }
trust-answer-closes = Yn cau
trust-answer-closed = Ar gau
trust-answer-closed-note-html = Mae'r don hon ar gau: nid yw'n derbyn rhagor o atebion. Mae'r canlyniadau ar <a href="/convenor/trust-waves/{ $wave }">dudalen y don</a>.
trust-answer-privacy = Dim ond yr hyn y mae partneriaid yn ei ddweud gyda'i gilydd y mae'r canlyniadau'n ei ddangos: faint o bartneriaid sy'n ymddiried ym mhob partner a faint, byth pa bartner a ddywedodd beth, oni bai bod y bartneriaeth wedi cytuno i enwi'r rhai sy'n ateb yn y don hon. Mae atebion a gyflwynwyd yn cyfrif yn y canlyniadau; gallwch eu newid o hyd tan { $closes }.
trust-answer-level-legend = Pa mor agos y mae { $partner } yn gweithio gyda { $other }?
trust-answer-items-legend = Os ydych yn gweithio gyda { $other } o gwbl
trust-answer-items-hint = Cânt eu gadael allan pan ddewiswch "Dim". Caiff "Ddim yn gwybod" ei adael allan o bob sgôr, a byth ei gyfrif yn sgôr isel.
trust-answer-contributions-legend = Beth y mae { $other } yn ei gyfrannu i'r bartneriaeth?
trust-answer-tick-any = (ticiwch unrhyw rai)
trust-answer-no-partners = Does gan y bartneriaeth ddim partner arall i ateb amdano.
trust-answer-save = Cadw a gorffen yn nes ymlaen
trust-answer-submit = Cyflwyno

trust-status-submitted = Wedi'i gyflwyno
trust-status-draft = Drafft wedi'i gadw, heb ei gyflwyno eto
trust-status-not-started = Heb ddechrau
trust-notice-saved = Wedi'i gadw. Dewch yn ôl i'r dudalen hon i orffen cyn i'r don gau.
trust-notice-submitted = Wedi'i gyflwyno: mae eich atebion yn cyfrif yn y canlyniadau. Gallwch eu newid tan i'r don gau.

trust-level-none = Dim: nid ydym yn gweithio gyda nhw
trust-level-awareness = Ymwybyddiaeth: rydym yn gwybod am waith ein gilydd
trust-level-cooperation = Cydweithredu: rydym yn rhannu gwybodaeth a chymorth o bryd i'w gilydd
trust-level-coordination = Cydlynu: rydym yn cynllunio ac yn gweithredu gyda'n gilydd ar dasgau ar y cyd
trust-level-integration = Integreiddio: rydym yn rhannu nodau, adnoddau a phenderfyniadau

trust-question-reliable = Pa mor ddibynadwy yw { $partner }: a yw'n gwneud yr hyn y mae'n dweud y bydd yn ei wneud?
trust-question-mission = I ba raddau y mae { $partner } yn cefnogi cenhadaeth y bartneriaeth?
trust-question-open = Pa mor agored i drafodaeth yw { $partner }: a yw'n gwrando ac yn rhannu?
trust-question-power = Faint o rym a dylanwad sydd gan { $partner } ar achos y bartneriaeth?
trust-question-involved = I ba raddau y mae { $partner } yn rhan o waith y bartneriaeth?
trust-question-resources = Faint y mae { $partner } yn ei gyfrannu mewn adnoddau?

trust-scale-unknown = Ddim yn gwybod
trust-scale-not-at-all = 1: dim o gwbl
trust-scale-small = 2: ychydig
trust-scale-fair = 3: cryn dipyn
trust-scale-great = 4: llawer iawn

trust-contribution-funding = Cyllid
trust-contribution-staff = Amser staff cyflogedig
trust-contribution-volunteers = Gwirfoddolwyr
trust-contribution-data = Data a gwybodaeth
trust-contribution-expertise = Gwybodaeth arbenigol
trust-contribution-community-connections = Cysylltiadau â chymunedau
trust-contribution-leadership = Arweinyddiaeth
trust-contribution-advocacy = Eiriolaeth
trust-contribution-facilities = Ystafelloedd, adeiladau ac offer

trust-sector-nhs = GIG
trust-sector-local-authority = Awdurdod lleol
trust-sector-voluntary = Sector gwirfoddol
trust-sector-community = Grŵp cymunedol
trust-sector-business = Busnes
trust-sector-academic = Academaidd
trust-sector-public = Cyhoeddus

trust-error-level = Dewiswch un o'r lefelau a restrir ar gyfer y partner hwn.
trust-error-score = Atebwch bob cwestiwn ag 1 i 4, neu "Ddim yn gwybod".
trust-error-contribution = Ticiwch y cyfraniadau a restrir ar gyfer y partner hwn yn unig.
trust-error-level-missing = Dewiswch pa mor agos rydych yn gweithio gyda { $partner }, hyd yn oed os "Dim" yw'r ateb.
trust-error-missing-or-unreadable = Mae atebion rhai partneriaid ar goll neu ni ellid eu darllen; gweler pob partner sydd wedi'i farcio isod.
trust-error-unreadable = Ni ellid darllen atebion rhai partneriaid; gweler pob partner sydd wedi'i farcio isod.
trust-error-action = Dewiswch "Cadw a gorffen yn nes ymlaen" neu "Cyflwyno".
trust-error-which-partner = Dywedwch ar ran pa bartner rydych yn ateb: mae'r ddolen o dudalen ymddiriedaeth y bartneriaeth yn ei gario.
