/** The shot list's column headings, the same on screen and in the PDF. */
export const SHOT_COLUMNS = ['Shot', 'Channel', 'Format', 'Length', 'Ratio', 'Notes'] as const;
