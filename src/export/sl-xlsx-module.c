/* sl-xlsx-module.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The module sunlight-xlsx: links libxlsxwriter and hands out the
 * functions the XLSX export calls (see sl-xlsx-api.h). */

#include "sl-xlsx-api.h"

const SlXlsxApi *sl_xlsx_module_get_api (void) __attribute__ ((visibility ("default")));

static const SlXlsxApi api = {
  .workbook_new = workbook_new,
  .workbook_add_format = workbook_add_format,
  .workbook_add_worksheet = workbook_add_worksheet,
  .workbook_close = workbook_close,
  .workbook_set_properties = workbook_set_properties,
  .workbook_validate_sheet_name = workbook_validate_sheet_name,
  .worksheet_freeze_panes = worksheet_freeze_panes,
  .worksheet_right_to_left = worksheet_right_to_left,
  .worksheet_set_column = worksheet_set_column,
  .worksheet_write_comment = worksheet_write_comment,
  .worksheet_write_number = worksheet_write_number,
  .worksheet_write_string = worksheet_write_string,
  .format_set_bold = format_set_bold,
  .format_set_bottom = format_set_bottom,
  .format_set_indent = format_set_indent,
  .format_set_num_format = format_set_num_format,
  .lxw_strerror = lxw_strerror,
};

const SlXlsxApi *
sl_xlsx_module_get_api (void)
{
  return &api;
}
