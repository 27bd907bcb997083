/* Quotes library: client-side filters and copy with attribution. */
