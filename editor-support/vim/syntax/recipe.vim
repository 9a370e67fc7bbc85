" Vim syntax file
" Language: wkforge recipe (.recipe)
" GENERATED from io.wkforge.lang.schema.Schema by io.wkforge.editor; do not edit. Regenerate: ./wkforge docs --regenerate (or: java -cp <classpath> io.wkforge.editor.EditorFiles <repo root>).

if exists('b:current_syntax')
  finish
endif

syntax case match
syntax sync fromstart

" Literals, shared by every context
syntax keyword recipeTodo TODO FIXME XXX NOTE contained
syntax match recipeComment /#.*$/ contains=recipeTodo,@Spell
syntax match recipeEscape /\\./ contained
syntax region recipeString start=/"/ skip=/\\./ end=/"\|$/ oneline contains=recipeEscape
syntax match recipeParamRef /\$\h\w*/
syntax match recipeNumber /-\=\<\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=\>/
syntax match recipeSize /\<\d\+x\d\+\>/
syntax match recipePercent /-\=\<\d\+\%(\.\d\+\)\=%/
syntax keyword recipeBoolean true false contained

" Top level: imports, params, blocks
syntax keyword recipeKeyword use param
syntax match recipeParamName /\%(\<param\s\+\)\@<=\h\w*/

" block classes
syntax match recipeClassId /\%(\%(^\|[{;]\)\s*\)\@<=-\=\d\+\>/ contained
syntax match recipeClassNature /\%(\%(\%(^\|[{;]\)\s*\)-\=\d\+\s\+\)\@<=\h\w*/ contained
syntax match recipeClassName /\%(\%(\%(^\|[{;]\)\s*\)-\=\d\+\s\+\h\w*\s\+\)\@<=\h\w*/ contained
syntax keyword recipeClassKeyword videos background contained
syntax region recipeBlockClasses matchgroup=recipeBlockName start=/\<classes\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeClassId,recipeClassNature,recipeClassName,recipeClassKeyword fold

" block frames
syntax match recipeSettingFrames /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(fps\|format\|quality\|stream_fps\|on_error\)\>/ contained
highlight default link recipeSettingFrames recipeSetting
syntax keyword recipeEnumFrames png jpg fail skip contained
highlight default link recipeEnumFrames recipeEnum
syntax region recipeBlockFrames matchgroup=recipeBlockName start=/\<frames\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingFrames,recipeEnumFrames fold

" block clean
syntax match recipeSettingClean /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(duplicates\|blur\|uniform\|exclude\)\>/ contained
highlight default link recipeSettingClean recipeSetting
syntax region recipeBlockClean matchgroup=recipeBlockName start=/\<clean\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingClean fold

" block split
syntax match recipeSettingSplit /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(val\|by\|seed\)\>/ contained
highlight default link recipeSettingSplit recipeSetting
syntax keyword recipeEnumSplit frame video contained
highlight default link recipeEnumSplit recipeEnum
syntax region recipeBlockSplit matchgroup=recipeBlockName start=/\<split\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingSplit,recipeEnumSplit fold

" block preprocess
syntax match recipeSettingPreprocess /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(resize\|crop\|mean\|std\|channel_order\)\>/ contained
highlight default link recipeSettingPreprocess recipeSetting
syntax keyword recipeEnumPreprocess rgb bgr contained
highlight default link recipeEnumPreprocess recipeEnum
syntax region recipeBlockPreprocess matchgroup=recipeBlockName start=/\<preprocess\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingPreprocess,recipeEnumPreprocess fold

" block train
syntax match recipeSettingTrain /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(epochs\|batch\|optimizer\|lr\|momentum\|weight_decay\|schedule\|patience\|pretrained\|pretrained_pool\|pretrained_lr\|freeze_epochs\|devices\|board_input\|seed\)\>/ contained
highlight default link recipeSettingTrain recipeSetting
syntax keyword recipeEnumTrain resnet18 sgd adam adamw constant cosine step pytorch nnie auto cpu gpu none yuv420sp yuv422sp contained
highlight default link recipeEnumTrain recipeEnum
syntax region recipeBlockTrain matchgroup=recipeBlockName start=/\<train\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingTrain,recipeEnumTrain fold

" block export
syntax match recipeSettingExport /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(fold_batchnorm\|verify_tolerance\)\>/ contained
highlight default link recipeSettingExport recipeSetting
syntax keyword recipeEnumExport caffe contained
highlight default link recipeEnumExport recipeEnum
syntax region recipeBlockExport matchgroup=recipeBlockName start=/\<export\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingExport,recipeEnumExport,recipeBoolean fold

" block quantize
syntax match recipeSettingQuantize /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(calibration\|max_top1_drop\|mapper\|wk_version\|mapper_timeout\|net_type\|image_type\|norm_type\|data_scale\|batch_num\|sparse_rate\|compile_mode\|compress_mode\|is_simulation\|is_check_prototxt\|log_level\|instruction_name\|internal_stride\|rgb_order\|gfpq_param_file\|recurrent_tmax\|max_roi_frame_cnt\|roi_coordinate_file\)\>/ contained
highlight default link recipeSettingQuantize recipeSetting
syntax keyword recipeEnumQuantize cnn roi recurrent feature_map u8 yuv420sp yuv422sp none mean_file channel_mean mean_file_data_scale channel_mean_data_scale low_bandwidth high_precision user_specify normal bypass rgb bgr contained
syntax match recipeEnumQuantize /\%([^{;[:space:]]\s\+\)\@<=\<\%(data_scale\)\>/ contained
highlight default link recipeEnumQuantize recipeEnum
syntax keyword recipeUnitQuantize images contained
highlight default link recipeUnitQuantize recipeUnit
syntax region recipeBlockQuantize matchgroup=recipeBlockName start=/\<quantize\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingQuantize,recipeEnumQuantize,recipeUnitQuantize,recipeBoolean fold

" block deploy
syntax match recipeSettingDeploy /\%(\%(^\|[{;]\)\s*\)\@<=\<\%(via\|host\|port\|user\|key\|password_env\|known_hosts\|host_key\|connect_timeout\|retries\|command_timeout\|remote_dir\|model_path\|config_path\|app_input\|app_categories\|run\|follow\)\>/ contained
highlight default link recipeSettingDeploy recipeSetting
syntax keyword recipeEnumDeploy taurus dir ssh strict accept_new u8 yuv420sp yuv422sp feature_map contained
highlight default link recipeEnumDeploy recipeEnum
syntax region recipeBlockDeploy matchgroup=recipeBlockName start=/\<deploy\>\ze\%(\s\+\%(\h\w*\|"[^"]*"\)\)\=\s*{/ end=/}/ contains=recipeComment,recipeString,recipeParamRef,recipeNumber,recipeSize,recipePercent,recipeSettingDeploy,recipeEnumDeploy fold

highlight default link recipeComment Comment
highlight default link recipeTodo Todo
highlight default link recipeString String
highlight default link recipeEscape SpecialChar
highlight default link recipeParamRef Identifier
highlight default link recipeParamName Identifier
highlight default link recipeNumber Number
highlight default link recipeSize Number
highlight default link recipePercent Number
highlight default link recipeBoolean Boolean
highlight default link recipeKeyword Keyword
highlight default link recipeBlockName Structure
highlight default link recipeSetting Type
highlight default link recipeEnum Constant
highlight default link recipeUnit Special
highlight default link recipeClassId Number
highlight default link recipeClassNature Tag
highlight default link recipeClassName Function
highlight default link recipeClassKeyword Keyword

let b:current_syntax = 'recipe'
