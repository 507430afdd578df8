/* sl-import-dialog-private.h
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sl-importer.h"
#include "sl-import-dialog.h"

G_BEGIN_DECLS

/* Shared by sl-import-dialog.c (options and preview) and
 * sl-import-dialog-run.c (the import itself). */
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
  AdwComboRow      *date_order_row;
  AdwComboRow      *policy_row;
  GtkWidget        *preview_group;
  GtkColumnView    *preview_view;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  GtkWidget        *stop_button;

  SlWorkspace      *workspace;
  GFile            *file;
  SlImportPreview  *preview;       /* NULL when the file cannot be read as this kind */
  GPtrArray        *field_rows;    /* the rows inside mapping_row */
  GCancellable     *cancellable;   /* while an import runs */
  gboolean          allow_duplicate;
};

enum {
  SIGNAL_IMPORTED,
  SIGNAL_CANCELLED,
  N_SIGNALS,
};

extern guint sl_import_dialog_signals[N_SIGNALS];

/* sl-import-dialog.c */
SlImportKind sl_import_dialog_get_kind              (SlImportDialog *self);
SlDateOrder  sl_import_dialog_get_date_order        (SlImportDialog *self);
void         sl_import_dialog_set_date_order        (SlImportDialog *self,
                                                     SlDateOrder     order);
/* Shows @message (plain text) above the options, or hides it (NULL). */
void         sl_import_dialog_show_message          (SlImportDialog *self,
                                                     const char     *message);
void         sl_import_dialog_update_actions        (SlImportDialog *self);

/* sl-import-dialog-preview.c */
void         sl_import_dialog_init_preview          (SlImportDialog *self);
void         sl_import_dialog_show_preview          (SlImportDialog *self);

/* sl-import-dialog-run.c */
void         sl_import_dialog_class_add_run_actions (GtkWidgetClass *widget_class);
/* TRUE to keep the dialog open: closing it cancels a running import. */
gboolean     sl_import_dialog_close_request         (SlImportDialog *self);

G_END_DECLS
