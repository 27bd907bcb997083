"""Quote cards as images: ``/quotes/cards/<id>.png`` and ``.svg`` (spec section 4), and campaign packs.

A card shows a cleared quote, its byline (exactly the export's attribution after the dash) and
our brand (plugin option ``cards``). One layout, made with Pillow's own word wrapper, gives
both files: Pillow draws the PNG (2400 × 1260, twice the 1200 × 630 card), the SVG repeats
its line breaks as selectable text with a subset of the bundled font embedded.

    face      what a card shows (CardFace) and its content hash, from a quote and the options
    fonts     the bundled fonts as Pillow fonts, and their advance widths
    layout    sizes, line breaks, and whether a quote fits a card at all (cheaply, for `journal check`)
    png, svg  the two files of one layout
    render    one card, or many on both cores
    store     the card cache (.cache/journal/cards/, by content hash) and each quote's card
    pack      a campaign's pack: its cards and a quotes.csv, zipped the same way every time
    check     `journal check`'s warnings for cleared quotes that get no card
"""
