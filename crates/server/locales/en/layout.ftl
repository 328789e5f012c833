# What every page shares: the layout around it, the language switcher and the error pages.
# Messages whose keys end in -html may hold markup.

-brand = Common Ground

layout-site-name = { -brand }
layout-skip-link = Skip to content
layout-convenor-nav = Convenor
layout-your-partnerships = Your partnerships
layout-sign-out = Sign out
layout-footer = { -brand }: every person of equal worth, every perspective of equal weight.
layout-language-switcher = Language

error-where-next = Where to go next
error-start-page = Go to the start page
error-title-not-found = Not found
error-title-not-allowed = Not allowed
error-title-sign-in = Sign-in needed
error-title-server = Something went wrong
error-title-other = That did not work
error-title-page-not-found = Page not found
error-page-not-found = There is no page at this address. It may have been mistyped, or the page may have moved.
error-internal = Something went wrong on our side. If it happens again, quote this reference to the people running this site: { $reference }.
error-unavailable = The service is busy or restarting. Please try again in a moment.
error-form-expired = This form has expired or did not come from this site. Go back, reload the page and try again.
error-back-to-dialogue = Back to the dialogue
error-back-to-dashboard = Go to the dialogue's dashboard
error-back-to-partnership = Go to the partnership's page
error-back-to-partnerships = Go to your partnerships
error-back-to-referer = Back to the page you came from
