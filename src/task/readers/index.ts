// Public entry point of the dataset readers: what tasks/* may import (DESIGN.md §2).
export { isDirectory, listFiles, readBytes, readText } from './file-access.ts';
export { parseCsv, readCsv, type CsvRow, type CsvTable, type ReadCsvOptions } from './read-csv.ts';
export { parseJsonl, readJsonl, type JsonlRecord } from './read-jsonl.ts';
export { sha256File } from './sha256-file.ts';
export { expectColumns, expectObject, expectOneOf, requireBoolean, requireString, type Location } from './validate.ts';
export { crc32, openZip, parseZip, ZipArchive, type ZipEntry } from './zip-reader.ts';
export { checkImageHeader, DEFAULT_IMAGE_LIMITS, readImageHeader, type ImageFormat, type ImageHeader, type ImageLimits } from '../../core/index.ts';
export { parquetRowLocation, parseParquet, readParquet, type ParquetRecord, type ReadParquetOptions } from './read-parquet.ts';
export { requireInteger, requireStringList } from './typed-fields.ts';
export { readVlmevalTsv, VlmevalTable, type ReadVlmevalOptions, type VlmevalOption, type VlmevalRow } from './read-vlmeval-tsv.ts';
export { mapJsonList, parseJson, readFirstJsonFile, readJsonFile } from './read-json.ts';
export { loadPresentParts, type OptionalPart } from './present-files.ts';
