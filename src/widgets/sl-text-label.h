/* sl-text-label.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label for running text people wrote or read (comments, notes,
 * rationales, headings above them): aligned at the start of the line
 * and wrapped at words, or inside a word too long for the line. With
 * @css_class (NULL: none), e.g. "heading" or "dim-label". */
GtkWidget *sl_text_label_new (const char *text,
                              const char *css_class);

G_END_DECLS
