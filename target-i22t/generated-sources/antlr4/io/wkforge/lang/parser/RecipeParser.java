// Generated from io/wkforge/lang/parser/Recipe.g4 by ANTLR 4.13.2
package io.wkforge.lang.parser;

// Generated from grammar/io/wkforge/lang/parser/Recipe.g4 - do not edit.

import org.antlr.v4.runtime.atn.*;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.*;
import org.antlr.v4.runtime.misc.*;
import org.antlr.v4.runtime.tree.*;
import java.util.List;
import java.util.Iterator;
import java.util.ArrayList;

@SuppressWarnings({"all", "warnings", "unchecked", "unused", "cast", "CheckReturnValue", "this-escape"})
public class RecipeParser extends Parser {
	static { RuntimeMetaData.checkVersion("4.13.2", RuntimeMetaData.VERSION); }

	protected static final DFA[] _decisionToDFA;
	protected static final PredictionContextCache _sharedContextCache =
		new PredictionContextCache();
	public static final int
		USE=1, PARAM=2, LBRACE=3, RBRACE=4, SEMI=5, EQUALS=6, SIZE=7, PERCENT=8, 
		DECIMAL=9, INT=10, MALFORMED_NUMBER=11, STRING=12, UNTERMINATED_STRING=13, 
		PARAM_REF=14, IDENT=15, COMMENT=16, NEWLINE=17, WS=18, UNKNOWN_CHAR=19;
	public static final int
		RULE_recipe = 0, RULE_statement = 1, RULE_useDecl = 2, RULE_paramDecl = 3, 
		RULE_block = 4, RULE_label = 5, RULE_entry = 6, RULE_entryKey = 7, RULE_misplaced = 8, 
		RULE_nested = 9, RULE_strayInBlock = 10, RULE_stray = 11, RULE_value = 12, 
		RULE_sep = 13;
	private static String[] makeRuleNames() {
		return new String[] {
			"recipe", "statement", "useDecl", "paramDecl", "block", "label", "entry", 
			"entryKey", "misplaced", "nested", "strayInBlock", "stray", "value", 
			"sep"
		};
	}
	public static final String[] ruleNames = makeRuleNames();

	private static String[] makeLiteralNames() {
		return new String[] {
			null, "'use'", "'param'", "'{'", "'}'", "';'", "'='"
		};
	}
	private static final String[] _LITERAL_NAMES = makeLiteralNames();
	private static String[] makeSymbolicNames() {
		return new String[] {
			null, "USE", "PARAM", "LBRACE", "RBRACE", "SEMI", "EQUALS", "SIZE", "PERCENT", 
			"DECIMAL", "INT", "MALFORMED_NUMBER", "STRING", "UNTERMINATED_STRING", 
			"PARAM_REF", "IDENT", "COMMENT", "NEWLINE", "WS", "UNKNOWN_CHAR"
		};
	}
	private static final String[] _SYMBOLIC_NAMES = makeSymbolicNames();
	public static final Vocabulary VOCABULARY = new VocabularyImpl(_LITERAL_NAMES, _SYMBOLIC_NAMES);

	/**
	 * @deprecated Use {@link #VOCABULARY} instead.
	 */
	@Deprecated
	public static final String[] tokenNames;
	static {
		tokenNames = new String[_SYMBOLIC_NAMES.length];
		for (int i = 0; i < tokenNames.length; i++) {
			tokenNames[i] = VOCABULARY.getLiteralName(i);
			if (tokenNames[i] == null) {
				tokenNames[i] = VOCABULARY.getSymbolicName(i);
			}

			if (tokenNames[i] == null) {
				tokenNames[i] = "<INVALID>";
			}
		}
	}

	@Override
	@Deprecated
	public String[] getTokenNames() {
		return tokenNames;
	}

	@Override

	public Vocabulary getVocabulary() {
		return VOCABULARY;
	}

	@Override
	public String getGrammarFileName() { return "Recipe.g4"; }

	@Override
	public String[] getRuleNames() { return ruleNames; }

	@Override
	public String getSerializedATN() { return _serializedATN; }

	@Override
	public ATN getATN() { return _ATN; }

	public RecipeParser(TokenStream input) {
		super(input);
		_interp = new ParserATNSimulator(this,_ATN,_decisionToDFA,_sharedContextCache);
	}

	@SuppressWarnings("CheckReturnValue")
	public static class RecipeContext extends ParserRuleContext {
		public TerminalNode EOF() { return getToken(RecipeParser.EOF, 0); }
		public List<SepContext> sep() {
			return getRuleContexts(SepContext.class);
		}
		public SepContext sep(int i) {
			return getRuleContext(SepContext.class,i);
		}
		public List<StatementContext> statement() {
			return getRuleContexts(StatementContext.class);
		}
		public StatementContext statement(int i) {
			return getRuleContext(StatementContext.class,i);
		}
		public List<StrayContext> stray() {
			return getRuleContexts(StrayContext.class);
		}
		public StrayContext stray(int i) {
			return getRuleContext(StrayContext.class,i);
		}
		public RecipeContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_recipe; }
	}

	public final RecipeContext recipe() throws RecognitionException {
		RecipeContext _localctx = new RecipeContext(_ctx, getState());
		enterRule(_localctx, 0, RULE_recipe);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(33);
			_errHandler.sync(this);
			_la = _input.LA(1);
			while ((((_la) & ~0x3f) == 0 && ((1L << _la) & 186366L) != 0)) {
				{
				setState(31);
				_errHandler.sync(this);
				switch ( getInterpreter().adaptivePredict(_input,0,_ctx) ) {
				case 1:
					{
					setState(28);
					sep();
					}
					break;
				case 2:
					{
					setState(29);
					statement();
					}
					break;
				case 3:
					{
					setState(30);
					stray();
					}
					break;
				}
				}
				setState(35);
				_errHandler.sync(this);
				_la = _input.LA(1);
			}
			setState(36);
			match(EOF);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class StatementContext extends ParserRuleContext {
		public UseDeclContext useDecl() {
			return getRuleContext(UseDeclContext.class,0);
		}
		public ParamDeclContext paramDecl() {
			return getRuleContext(ParamDeclContext.class,0);
		}
		public BlockContext block() {
			return getRuleContext(BlockContext.class,0);
		}
		public StatementContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_statement; }
	}

	public final StatementContext statement() throws RecognitionException {
		StatementContext _localctx = new StatementContext(_ctx, getState());
		enterRule(_localctx, 2, RULE_statement);
		try {
			setState(41);
			_errHandler.sync(this);
			switch (_input.LA(1)) {
			case USE:
				enterOuterAlt(_localctx, 1);
				{
				setState(38);
				useDecl();
				}
				break;
			case PARAM:
				enterOuterAlt(_localctx, 2);
				{
				setState(39);
				paramDecl();
				}
				break;
			case IDENT:
				enterOuterAlt(_localctx, 3);
				{
				setState(40);
				block();
				}
				break;
			default:
				throw new NoViableAltException(this);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class UseDeclContext extends ParserRuleContext {
		public TerminalNode USE() { return getToken(RecipeParser.USE, 0); }
		public TerminalNode STRING() { return getToken(RecipeParser.STRING, 0); }
		public UseDeclContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_useDecl; }
	}

	public final UseDeclContext useDecl() throws RecognitionException {
		UseDeclContext _localctx = new UseDeclContext(_ctx, getState());
		enterRule(_localctx, 4, RULE_useDecl);
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(43);
			match(USE);
			setState(44);
			match(STRING);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class ParamDeclContext extends ParserRuleContext {
		public TerminalNode PARAM() { return getToken(RecipeParser.PARAM, 0); }
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public TerminalNode EQUALS() { return getToken(RecipeParser.EQUALS, 0); }
		public ValueContext value() {
			return getRuleContext(ValueContext.class,0);
		}
		public ParamDeclContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_paramDecl; }
	}

	public final ParamDeclContext paramDecl() throws RecognitionException {
		ParamDeclContext _localctx = new ParamDeclContext(_ctx, getState());
		enterRule(_localctx, 6, RULE_paramDecl);
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(46);
			match(PARAM);
			setState(47);
			match(IDENT);
			setState(48);
			match(EQUALS);
			setState(49);
			value();
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class BlockContext extends ParserRuleContext {
		public Token name;
		public TerminalNode LBRACE() { return getToken(RecipeParser.LBRACE, 0); }
		public TerminalNode RBRACE() { return getToken(RecipeParser.RBRACE, 0); }
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public List<LabelContext> label() {
			return getRuleContexts(LabelContext.class);
		}
		public LabelContext label(int i) {
			return getRuleContext(LabelContext.class,i);
		}
		public List<SepContext> sep() {
			return getRuleContexts(SepContext.class);
		}
		public SepContext sep(int i) {
			return getRuleContext(SepContext.class,i);
		}
		public List<EntryContext> entry() {
			return getRuleContexts(EntryContext.class);
		}
		public EntryContext entry(int i) {
			return getRuleContext(EntryContext.class,i);
		}
		public List<NestedContext> nested() {
			return getRuleContexts(NestedContext.class);
		}
		public NestedContext nested(int i) {
			return getRuleContext(NestedContext.class,i);
		}
		public List<StrayInBlockContext> strayInBlock() {
			return getRuleContexts(StrayInBlockContext.class);
		}
		public StrayInBlockContext strayInBlock(int i) {
			return getRuleContext(StrayInBlockContext.class,i);
		}
		public BlockContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_block; }
	}

	public final BlockContext block() throws RecognitionException {
		BlockContext _localctx = new BlockContext(_ctx, getState());
		enterRule(_localctx, 8, RULE_block);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(51);
			((BlockContext)_localctx).name = match(IDENT);
			setState(55);
			_errHandler.sync(this);
			_la = _input.LA(1);
			while (_la==STRING || _la==IDENT) {
				{
				{
				setState(52);
				label();
				}
				}
				setState(57);
				_errHandler.sync(this);
				_la = _input.LA(1);
			}
			setState(58);
			match(LBRACE);
			setState(65);
			_errHandler.sync(this);
			_la = _input.LA(1);
			while ((((_la) & ~0x3f) == 0 && ((1L << _la) & 186350L) != 0)) {
				{
				setState(63);
				_errHandler.sync(this);
				switch (_input.LA(1)) {
				case SEMI:
				case NEWLINE:
					{
					setState(59);
					sep();
					}
					break;
				case USE:
				case PARAM:
				case INT:
				case IDENT:
					{
					setState(60);
					entry();
					}
					break;
				case LBRACE:
					{
					setState(61);
					nested();
					}
					break;
				case EQUALS:
				case SIZE:
				case PERCENT:
				case DECIMAL:
				case STRING:
				case PARAM_REF:
					{
					setState(62);
					strayInBlock();
					}
					break;
				default:
					throw new NoViableAltException(this);
				}
				}
				setState(67);
				_errHandler.sync(this);
				_la = _input.LA(1);
			}
			setState(68);
			match(RBRACE);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class LabelContext extends ParserRuleContext {
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public TerminalNode STRING() { return getToken(RecipeParser.STRING, 0); }
		public LabelContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_label; }
	}

	public final LabelContext label() throws RecognitionException {
		LabelContext _localctx = new LabelContext(_ctx, getState());
		enterRule(_localctx, 10, RULE_label);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(70);
			_la = _input.LA(1);
			if ( !(_la==STRING || _la==IDENT) ) {
			_errHandler.recoverInline(this);
			}
			else {
				if ( _input.LA(1)==Token.EOF ) matchedEOF = true;
				_errHandler.reportMatch(this);
				consume();
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class EntryContext extends ParserRuleContext {
		public EntryKeyContext key;
		public EntryKeyContext entryKey() {
			return getRuleContext(EntryKeyContext.class,0);
		}
		public List<ValueContext> value() {
			return getRuleContexts(ValueContext.class);
		}
		public ValueContext value(int i) {
			return getRuleContext(ValueContext.class,i);
		}
		public List<MisplacedContext> misplaced() {
			return getRuleContexts(MisplacedContext.class);
		}
		public MisplacedContext misplaced(int i) {
			return getRuleContext(MisplacedContext.class,i);
		}
		public EntryContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_entry; }
	}

	public final EntryContext entry() throws RecognitionException {
		EntryContext _localctx = new EntryContext(_ctx, getState());
		enterRule(_localctx, 12, RULE_entry);
		try {
			int _alt;
			enterOuterAlt(_localctx, 1);
			{
			setState(72);
			((EntryContext)_localctx).key = entryKey();
			setState(77);
			_errHandler.sync(this);
			_alt = getInterpreter().adaptivePredict(_input,7,_ctx);
			while ( _alt!=2 && _alt!=org.antlr.v4.runtime.atn.ATN.INVALID_ALT_NUMBER ) {
				if ( _alt==1 ) {
					{
					setState(75);
					_errHandler.sync(this);
					switch (_input.LA(1)) {
					case SIZE:
					case PERCENT:
					case DECIMAL:
					case INT:
					case STRING:
					case PARAM_REF:
					case IDENT:
						{
						setState(73);
						value();
						}
						break;
					case EQUALS:
						{
						setState(74);
						misplaced();
						}
						break;
					default:
						throw new NoViableAltException(this);
					}
					} 
				}
				setState(79);
				_errHandler.sync(this);
				_alt = getInterpreter().adaptivePredict(_input,7,_ctx);
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class EntryKeyContext extends ParserRuleContext {
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public TerminalNode INT() { return getToken(RecipeParser.INT, 0); }
		public TerminalNode USE() { return getToken(RecipeParser.USE, 0); }
		public TerminalNode PARAM() { return getToken(RecipeParser.PARAM, 0); }
		public EntryKeyContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_entryKey; }
	}

	public final EntryKeyContext entryKey() throws RecognitionException {
		EntryKeyContext _localctx = new EntryKeyContext(_ctx, getState());
		enterRule(_localctx, 14, RULE_entryKey);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(80);
			_la = _input.LA(1);
			if ( !((((_la) & ~0x3f) == 0 && ((1L << _la) & 33798L) != 0)) ) {
			_errHandler.recoverInline(this);
			}
			else {
				if ( _input.LA(1)==Token.EOF ) matchedEOF = true;
				_errHandler.reportMatch(this);
				consume();
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class MisplacedContext extends ParserRuleContext {
		public TerminalNode EQUALS() { return getToken(RecipeParser.EQUALS, 0); }
		public MisplacedContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_misplaced; }
	}

	public final MisplacedContext misplaced() throws RecognitionException {
		MisplacedContext _localctx = new MisplacedContext(_ctx, getState());
		enterRule(_localctx, 16, RULE_misplaced);
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(82);
			match(EQUALS);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class NestedContext extends ParserRuleContext {
		public TerminalNode LBRACE() { return getToken(RecipeParser.LBRACE, 0); }
		public TerminalNode RBRACE() { return getToken(RecipeParser.RBRACE, 0); }
		public List<SepContext> sep() {
			return getRuleContexts(SepContext.class);
		}
		public SepContext sep(int i) {
			return getRuleContext(SepContext.class,i);
		}
		public List<EntryContext> entry() {
			return getRuleContexts(EntryContext.class);
		}
		public EntryContext entry(int i) {
			return getRuleContext(EntryContext.class,i);
		}
		public List<NestedContext> nested() {
			return getRuleContexts(NestedContext.class);
		}
		public NestedContext nested(int i) {
			return getRuleContext(NestedContext.class,i);
		}
		public List<StrayInBlockContext> strayInBlock() {
			return getRuleContexts(StrayInBlockContext.class);
		}
		public StrayInBlockContext strayInBlock(int i) {
			return getRuleContext(StrayInBlockContext.class,i);
		}
		public NestedContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_nested; }
	}

	public final NestedContext nested() throws RecognitionException {
		NestedContext _localctx = new NestedContext(_ctx, getState());
		enterRule(_localctx, 18, RULE_nested);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(84);
			match(LBRACE);
			setState(91);
			_errHandler.sync(this);
			_la = _input.LA(1);
			while ((((_la) & ~0x3f) == 0 && ((1L << _la) & 186350L) != 0)) {
				{
				setState(89);
				_errHandler.sync(this);
				switch (_input.LA(1)) {
				case SEMI:
				case NEWLINE:
					{
					setState(85);
					sep();
					}
					break;
				case USE:
				case PARAM:
				case INT:
				case IDENT:
					{
					setState(86);
					entry();
					}
					break;
				case LBRACE:
					{
					setState(87);
					nested();
					}
					break;
				case EQUALS:
				case SIZE:
				case PERCENT:
				case DECIMAL:
				case STRING:
				case PARAM_REF:
					{
					setState(88);
					strayInBlock();
					}
					break;
				default:
					throw new NoViableAltException(this);
				}
				}
				setState(93);
				_errHandler.sync(this);
				_la = _input.LA(1);
			}
			setState(94);
			match(RBRACE);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class StrayInBlockContext extends ParserRuleContext {
		public TerminalNode DECIMAL() { return getToken(RecipeParser.DECIMAL, 0); }
		public TerminalNode PERCENT() { return getToken(RecipeParser.PERCENT, 0); }
		public TerminalNode SIZE() { return getToken(RecipeParser.SIZE, 0); }
		public TerminalNode STRING() { return getToken(RecipeParser.STRING, 0); }
		public TerminalNode PARAM_REF() { return getToken(RecipeParser.PARAM_REF, 0); }
		public TerminalNode EQUALS() { return getToken(RecipeParser.EQUALS, 0); }
		public StrayInBlockContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_strayInBlock; }
	}

	public final StrayInBlockContext strayInBlock() throws RecognitionException {
		StrayInBlockContext _localctx = new StrayInBlockContext(_ctx, getState());
		enterRule(_localctx, 20, RULE_strayInBlock);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(96);
			_la = _input.LA(1);
			if ( !((((_la) & ~0x3f) == 0 && ((1L << _la) & 21440L) != 0)) ) {
			_errHandler.recoverInline(this);
			}
			else {
				if ( _input.LA(1)==Token.EOF ) matchedEOF = true;
				_errHandler.reportMatch(this);
				consume();
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class StrayContext extends ParserRuleContext {
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public TerminalNode INT() { return getToken(RecipeParser.INT, 0); }
		public TerminalNode DECIMAL() { return getToken(RecipeParser.DECIMAL, 0); }
		public TerminalNode PERCENT() { return getToken(RecipeParser.PERCENT, 0); }
		public TerminalNode SIZE() { return getToken(RecipeParser.SIZE, 0); }
		public TerminalNode STRING() { return getToken(RecipeParser.STRING, 0); }
		public TerminalNode PARAM_REF() { return getToken(RecipeParser.PARAM_REF, 0); }
		public TerminalNode EQUALS() { return getToken(RecipeParser.EQUALS, 0); }
		public TerminalNode LBRACE() { return getToken(RecipeParser.LBRACE, 0); }
		public TerminalNode RBRACE() { return getToken(RecipeParser.RBRACE, 0); }
		public TerminalNode USE() { return getToken(RecipeParser.USE, 0); }
		public TerminalNode PARAM() { return getToken(RecipeParser.PARAM, 0); }
		public StrayContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_stray; }
	}

	public final StrayContext stray() throws RecognitionException {
		StrayContext _localctx = new StrayContext(_ctx, getState());
		enterRule(_localctx, 22, RULE_stray);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(98);
			_la = _input.LA(1);
			if ( !((((_la) & ~0x3f) == 0 && ((1L << _la) & 55262L) != 0)) ) {
			_errHandler.recoverInline(this);
			}
			else {
				if ( _input.LA(1)==Token.EOF ) matchedEOF = true;
				_errHandler.reportMatch(this);
				consume();
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class ValueContext extends ParserRuleContext {
		public ValueContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_value; }
	 
		public ValueContext() { }
		public void copyFrom(ValueContext ctx) {
			super.copyFrom(ctx);
		}
	}
	@SuppressWarnings("CheckReturnValue")
	public static class PercentValueContext extends ValueContext {
		public TerminalNode PERCENT() { return getToken(RecipeParser.PERCENT, 0); }
		public PercentValueContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class StringValueContext extends ValueContext {
		public TerminalNode STRING() { return getToken(RecipeParser.STRING, 0); }
		public StringValueContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class SizeValueContext extends ValueContext {
		public TerminalNode SIZE() { return getToken(RecipeParser.SIZE, 0); }
		public SizeValueContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class ParamRefContext extends ValueContext {
		public TerminalNode PARAM_REF() { return getToken(RecipeParser.PARAM_REF, 0); }
		public ParamRefContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class IntValueContext extends ValueContext {
		public TerminalNode INT() { return getToken(RecipeParser.INT, 0); }
		public IntValueContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class DecimalValueContext extends ValueContext {
		public TerminalNode DECIMAL() { return getToken(RecipeParser.DECIMAL, 0); }
		public DecimalValueContext(ValueContext ctx) { copyFrom(ctx); }
	}
	@SuppressWarnings("CheckReturnValue")
	public static class IdentValueContext extends ValueContext {
		public TerminalNode IDENT() { return getToken(RecipeParser.IDENT, 0); }
		public IdentValueContext(ValueContext ctx) { copyFrom(ctx); }
	}

	public final ValueContext value() throws RecognitionException {
		ValueContext _localctx = new ValueContext(_ctx, getState());
		enterRule(_localctx, 24, RULE_value);
		try {
			setState(107);
			_errHandler.sync(this);
			switch (_input.LA(1)) {
			case INT:
				_localctx = new IntValueContext(_localctx);
				enterOuterAlt(_localctx, 1);
				{
				setState(100);
				match(INT);
				}
				break;
			case DECIMAL:
				_localctx = new DecimalValueContext(_localctx);
				enterOuterAlt(_localctx, 2);
				{
				setState(101);
				match(DECIMAL);
				}
				break;
			case PERCENT:
				_localctx = new PercentValueContext(_localctx);
				enterOuterAlt(_localctx, 3);
				{
				setState(102);
				match(PERCENT);
				}
				break;
			case SIZE:
				_localctx = new SizeValueContext(_localctx);
				enterOuterAlt(_localctx, 4);
				{
				setState(103);
				match(SIZE);
				}
				break;
			case STRING:
				_localctx = new StringValueContext(_localctx);
				enterOuterAlt(_localctx, 5);
				{
				setState(104);
				match(STRING);
				}
				break;
			case IDENT:
				_localctx = new IdentValueContext(_localctx);
				enterOuterAlt(_localctx, 6);
				{
				setState(105);
				match(IDENT);
				}
				break;
			case PARAM_REF:
				_localctx = new ParamRefContext(_localctx);
				enterOuterAlt(_localctx, 7);
				{
				setState(106);
				match(PARAM_REF);
				}
				break;
			default:
				throw new NoViableAltException(this);
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	@SuppressWarnings("CheckReturnValue")
	public static class SepContext extends ParserRuleContext {
		public TerminalNode NEWLINE() { return getToken(RecipeParser.NEWLINE, 0); }
		public TerminalNode SEMI() { return getToken(RecipeParser.SEMI, 0); }
		public SepContext(ParserRuleContext parent, int invokingState) {
			super(parent, invokingState);
		}
		@Override public int getRuleIndex() { return RULE_sep; }
	}

	public final SepContext sep() throws RecognitionException {
		SepContext _localctx = new SepContext(_ctx, getState());
		enterRule(_localctx, 26, RULE_sep);
		int _la;
		try {
			enterOuterAlt(_localctx, 1);
			{
			setState(109);
			_la = _input.LA(1);
			if ( !(_la==SEMI || _la==NEWLINE) ) {
			_errHandler.recoverInline(this);
			}
			else {
				if ( _input.LA(1)==Token.EOF ) matchedEOF = true;
				_errHandler.reportMatch(this);
				consume();
			}
			}
		}
		catch (RecognitionException re) {
			_localctx.exception = re;
			_errHandler.reportError(this, re);
			_errHandler.recover(this, re);
		}
		finally {
			exitRule();
		}
		return _localctx;
	}

	public static final String _serializedATN =
		"\u0004\u0001\u0013p\u0002\u0000\u0007\u0000\u0002\u0001\u0007\u0001\u0002"+
		"\u0002\u0007\u0002\u0002\u0003\u0007\u0003\u0002\u0004\u0007\u0004\u0002"+
		"\u0005\u0007\u0005\u0002\u0006\u0007\u0006\u0002\u0007\u0007\u0007\u0002"+
		"\b\u0007\b\u0002\t\u0007\t\u0002\n\u0007\n\u0002\u000b\u0007\u000b\u0002"+
		"\f\u0007\f\u0002\r\u0007\r\u0001\u0000\u0001\u0000\u0001\u0000\u0005\u0000"+
		" \b\u0000\n\u0000\f\u0000#\t\u0000\u0001\u0000\u0001\u0000\u0001\u0001"+
		"\u0001\u0001\u0001\u0001\u0003\u0001*\b\u0001\u0001\u0002\u0001\u0002"+
		"\u0001\u0002\u0001\u0003\u0001\u0003\u0001\u0003\u0001\u0003\u0001\u0003"+
		"\u0001\u0004\u0001\u0004\u0005\u00046\b\u0004\n\u0004\f\u00049\t\u0004"+
		"\u0001\u0004\u0001\u0004\u0001\u0004\u0001\u0004\u0001\u0004\u0005\u0004"+
		"@\b\u0004\n\u0004\f\u0004C\t\u0004\u0001\u0004\u0001\u0004\u0001\u0005"+
		"\u0001\u0005\u0001\u0006\u0001\u0006\u0001\u0006\u0005\u0006L\b\u0006"+
		"\n\u0006\f\u0006O\t\u0006\u0001\u0007\u0001\u0007\u0001\b\u0001\b\u0001"+
		"\t\u0001\t\u0001\t\u0001\t\u0001\t\u0005\tZ\b\t\n\t\f\t]\t\t\u0001\t\u0001"+
		"\t\u0001\n\u0001\n\u0001\u000b\u0001\u000b\u0001\f\u0001\f\u0001\f\u0001"+
		"\f\u0001\f\u0001\f\u0001\f\u0003\fl\b\f\u0001\r\u0001\r\u0001\r\u0000"+
		"\u0000\u000e\u0000\u0002\u0004\u0006\b\n\f\u000e\u0010\u0012\u0014\u0016"+
		"\u0018\u001a\u0000\u0005\u0002\u0000\f\f\u000f\u000f\u0003\u0000\u0001"+
		"\u0002\n\n\u000f\u000f\u0003\u0000\u0006\t\f\f\u000e\u000e\u0004\u0000"+
		"\u0001\u0004\u0006\n\f\f\u000e\u000f\u0002\u0000\u0005\u0005\u0011\u0011"+
		"w\u0000!\u0001\u0000\u0000\u0000\u0002)\u0001\u0000\u0000\u0000\u0004"+
		"+\u0001\u0000\u0000\u0000\u0006.\u0001\u0000\u0000\u0000\b3\u0001\u0000"+
		"\u0000\u0000\nF\u0001\u0000\u0000\u0000\fH\u0001\u0000\u0000\u0000\u000e"+
		"P\u0001\u0000\u0000\u0000\u0010R\u0001\u0000\u0000\u0000\u0012T\u0001"+
		"\u0000\u0000\u0000\u0014`\u0001\u0000\u0000\u0000\u0016b\u0001\u0000\u0000"+
		"\u0000\u0018k\u0001\u0000\u0000\u0000\u001am\u0001\u0000\u0000\u0000\u001c"+
		" \u0003\u001a\r\u0000\u001d \u0003\u0002\u0001\u0000\u001e \u0003\u0016"+
		"\u000b\u0000\u001f\u001c\u0001\u0000\u0000\u0000\u001f\u001d\u0001\u0000"+
		"\u0000\u0000\u001f\u001e\u0001\u0000\u0000\u0000 #\u0001\u0000\u0000\u0000"+
		"!\u001f\u0001\u0000\u0000\u0000!\"\u0001\u0000\u0000\u0000\"$\u0001\u0000"+
		"\u0000\u0000#!\u0001\u0000\u0000\u0000$%\u0005\u0000\u0000\u0001%\u0001"+
		"\u0001\u0000\u0000\u0000&*\u0003\u0004\u0002\u0000\'*\u0003\u0006\u0003"+
		"\u0000(*\u0003\b\u0004\u0000)&\u0001\u0000\u0000\u0000)\'\u0001\u0000"+
		"\u0000\u0000)(\u0001\u0000\u0000\u0000*\u0003\u0001\u0000\u0000\u0000"+
		"+,\u0005\u0001\u0000\u0000,-\u0005\f\u0000\u0000-\u0005\u0001\u0000\u0000"+
		"\u0000./\u0005\u0002\u0000\u0000/0\u0005\u000f\u0000\u000001\u0005\u0006"+
		"\u0000\u000012\u0003\u0018\f\u00002\u0007\u0001\u0000\u0000\u000037\u0005"+
		"\u000f\u0000\u000046\u0003\n\u0005\u000054\u0001\u0000\u0000\u000069\u0001"+
		"\u0000\u0000\u000075\u0001\u0000\u0000\u000078\u0001\u0000\u0000\u0000"+
		"8:\u0001\u0000\u0000\u000097\u0001\u0000\u0000\u0000:A\u0005\u0003\u0000"+
		"\u0000;@\u0003\u001a\r\u0000<@\u0003\f\u0006\u0000=@\u0003\u0012\t\u0000"+
		">@\u0003\u0014\n\u0000?;\u0001\u0000\u0000\u0000?<\u0001\u0000\u0000\u0000"+
		"?=\u0001\u0000\u0000\u0000?>\u0001\u0000\u0000\u0000@C\u0001\u0000\u0000"+
		"\u0000A?\u0001\u0000\u0000\u0000AB\u0001\u0000\u0000\u0000BD\u0001\u0000"+
		"\u0000\u0000CA\u0001\u0000\u0000\u0000DE\u0005\u0004\u0000\u0000E\t\u0001"+
		"\u0000\u0000\u0000FG\u0007\u0000\u0000\u0000G\u000b\u0001\u0000\u0000"+
		"\u0000HM\u0003\u000e\u0007\u0000IL\u0003\u0018\f\u0000JL\u0003\u0010\b"+
		"\u0000KI\u0001\u0000\u0000\u0000KJ\u0001\u0000\u0000\u0000LO\u0001\u0000"+
		"\u0000\u0000MK\u0001\u0000\u0000\u0000MN\u0001\u0000\u0000\u0000N\r\u0001"+
		"\u0000\u0000\u0000OM\u0001\u0000\u0000\u0000PQ\u0007\u0001\u0000\u0000"+
		"Q\u000f\u0001\u0000\u0000\u0000RS\u0005\u0006\u0000\u0000S\u0011\u0001"+
		"\u0000\u0000\u0000T[\u0005\u0003\u0000\u0000UZ\u0003\u001a\r\u0000VZ\u0003"+
		"\f\u0006\u0000WZ\u0003\u0012\t\u0000XZ\u0003\u0014\n\u0000YU\u0001\u0000"+
		"\u0000\u0000YV\u0001\u0000\u0000\u0000YW\u0001\u0000\u0000\u0000YX\u0001"+
		"\u0000\u0000\u0000Z]\u0001\u0000\u0000\u0000[Y\u0001\u0000\u0000\u0000"+
		"[\\\u0001\u0000\u0000\u0000\\^\u0001\u0000\u0000\u0000][\u0001\u0000\u0000"+
		"\u0000^_\u0005\u0004\u0000\u0000_\u0013\u0001\u0000\u0000\u0000`a\u0007"+
		"\u0002\u0000\u0000a\u0015\u0001\u0000\u0000\u0000bc\u0007\u0003\u0000"+
		"\u0000c\u0017\u0001\u0000\u0000\u0000dl\u0005\n\u0000\u0000el\u0005\t"+
		"\u0000\u0000fl\u0005\b\u0000\u0000gl\u0005\u0007\u0000\u0000hl\u0005\f"+
		"\u0000\u0000il\u0005\u000f\u0000\u0000jl\u0005\u000e\u0000\u0000kd\u0001"+
		"\u0000\u0000\u0000ke\u0001\u0000\u0000\u0000kf\u0001\u0000\u0000\u0000"+
		"kg\u0001\u0000\u0000\u0000kh\u0001\u0000\u0000\u0000ki\u0001\u0000\u0000"+
		"\u0000kj\u0001\u0000\u0000\u0000l\u0019\u0001\u0000\u0000\u0000mn\u0007"+
		"\u0004\u0000\u0000n\u001b\u0001\u0000\u0000\u0000\u000b\u001f!)7?AKMY"+
		"[k";
	public static final ATN _ATN =
		new ATNDeserializer().deserialize(_serializedATN.toCharArray());
	static {
		_decisionToDFA = new DFA[_ATN.getNumberOfDecisions()];
		for (int i = 0; i < _ATN.getNumberOfDecisions(); i++) {
			_decisionToDFA[i] = new DFA(_ATN.getDecisionState(i), i);
		}
	}
}