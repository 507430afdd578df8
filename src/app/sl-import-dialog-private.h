/* sl-import-dialog-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"
#include "sl-import-dialog.h"
#include "sl-import-mapping.h"

G_BEGIN_DECLS

/* Shared by sl-import-dialog.c (options and preview),
 * sl-import-dialog-preview.c (what the file holds),
 * sl-import-dialog-mapping.c (which column is which field),
 * sl-import-dialog-extra.c (what the file lacks: a day, a second file)
 * and sl-import-dialog-run.c (the import itself). */
struct _SlImportDialog
{
  AdwWindow         parent_instance;

  /* Template widgets */
  GtkWidget        *cancel_button;
  GtkWidget        *import_button;
  GtkStack         *stack;
  GtkWidget        *message_group;
  GtkLabel         *message_label;
  AdwActionRow     *file_row;
  AdwComboRow      *kind_row;
  AdwExpanderRow   *mapping_row;
  AdwActionRow     *missing_row;
  AdwActionRow     *day_row;
  GtkEntry         *day_entry;
  GtkCalendar      *day_calendar;
  GtkPopover       *day_popover;
  AdwActionRow     *join_row;
  GtkWidget        *join_clear_button;
  AdwComboRow      *date_order_row;
  AdwComboRow      *policy_row;
  GtkWidget        *preview_group;
  GtkColumnView    *preview_view;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  GtkWidget        *stop_button;

  SlWorkspace      *workspace;
  GFile            *file;
  SlImportPreview  *preview;          /* NULL when the file cannot be read as this kind */
  GPtrArray        *field_rows;       /* the rows inside mapping_row */
  AdwEntryRow      *channel_row;      /* among them (spend): the channel of every row */
  AdwComboRow      *amounts_row;      /* among them: how amounts are written */
  AdwEntryRow      *save_row;         /* among them: the name to save the mapping as */
  char             *detected_preset;  /* the preset the rows were filled from, or NULL */
  SlImportMapping  *detected_mapping; /* the saved mapping they were filled from, or NULL */
  gboolean          filling;          /* while the rows are filled: their signals are ours */
  gboolean          mapping_edited;   /* the user changed a column or the channel */
  SlDay             default_day;      /* SL_DAY_INVALID until a valid day is given */
  char             *join_path;        /* funnel: the closed deals file, or NULL */
  GCancellable     *cancellable;      /* while an import runs */
  gboolean          allow_duplicate;
};

enum {
  SIGNAL_IMPORTED,
  SIGNAL_CANCELLED,
  N_SIGNALS,
};

extern guint sl_import_dialog_signals[N_SIGNALS];

/* sl-import-dialog.c */
SlImportKind sl_import_dialog_get_kind               (SlImportDialog   *self);
SlDateOrder  sl_import_dialog_get_date_order         (SlImportDialog   *self);
void         sl_import_dialog_set_date_order         (SlImportDialog   *self,
                                                      SlDateOrder       order);
/* Shows @message (plain text) above the options, or hides it (NULL). */
void         sl_import_dialog_show_message           (SlImportDialog   *self,
                                                      const char       *message);
void         sl_import_dialog_update_actions         (SlImportDialog   *self);
/* Reads the file again with the mapping as the rows now say. */
void         sl_import_dialog_reload                 (SlImportDialog   *self);
/* Whether the file can be imported as the rows say. */
gboolean     sl_import_dialog_get_ready              (SlImportDialog   *self);
/* The options the rows say, for a preview or (@importing) the import.
 * They point into the dialog and to *@mapping (the user's mapping, or
 * NULL), which the caller frees after use. */
gboolean     sl_import_dialog_fill_options           (SlImportDialog   *self,
                                                      SlImportOptions  *options,
                                                      gboolean          importing,
                                                      SlImportMapping **mapping,
                                                      GError          **error);

/* sl-import-dialog-preview.c */
void         sl_import_dialog_init_preview           (SlImportDialog   *self);
void         sl_import_dialog_show_preview           (SlImportDialog   *self);
/* A field's name as people say it ("gross profit" → "Gross profit"). */
const char  *sl_import_dialog_get_field_label        (const char       *field);
const SlImportPreset *sl_import_dialog_find_preset   (SlImportKind      kind,
                                                      const char       *id);

/* sl-import-dialog-mapping.c */
/* Fills the rows from the preview's mapping, as found in the file. */
void         sl_import_dialog_fill_mapping           (SlImportDialog   *self);
void         sl_import_dialog_clear_mapping          (SlImportDialog   *self);
/* Says where the mapping comes from (a preset, a saved one, the user)
 * and which required fields have no column. */
void         sl_import_dialog_update_mapping         (SlImportDialog   *self);
gboolean     sl_import_dialog_get_decimal_comma      (SlImportDialog   *self);
/* The user's mapping as the rows say, or NULL if they kept the one
 * found; with @importing also when it is to be saved (a name is given),
 * with its name, date order and decimal comma. */
gboolean     sl_import_dialog_dup_mapping            (SlImportDialog   *self,
                                                      gboolean          importing,
                                                      SlImportMapping **mapping,
                                                      GError          **error);

/* sl-import-dialog-extra.c */
void         sl_import_dialog_class_add_extra        (GtkWidgetClass   *widget_class);
/* Shows the rows for what this kind of file or this file lacks. */
void         sl_import_dialog_update_extra           (SlImportDialog   *self);
/* Whether the preview's missing fields are all given some other way. */
gboolean     sl_import_dialog_get_extra_ready        (SlImportDialog   *self);

/* sl-import-dialog-run.c */
void         sl_import_dialog_class_add_run_actions  (GtkWidgetClass   *widget_class);
/* TRUE to keep the dialog open: closing it cancels a running import. */
gboolean     sl_import_dialog_close_request          (SlImportDialog   *self);

G_END_DECLS
